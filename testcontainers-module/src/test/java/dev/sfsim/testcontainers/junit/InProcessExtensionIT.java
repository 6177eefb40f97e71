package dev.sfsim.testcontainers.junit;

import static dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode.IN_PROCESS;

/**
 * Every test of {@link SalesforceSimulatorExtensionIT}, against a simulator inside this JVM instead
 * of the image (no Docker needed; an IT because it needs the packaged simulator jar).
 */
@SalesforceSimulatorTest(
    mode = IN_PROCESS,
    fixtures = {"fixtures/channel.json", "fixtures/component.json"},
    latencyProfile = "instant")
class InProcessExtensionIT extends SalesforceSimulatorExtensionIT {}
