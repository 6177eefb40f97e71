package dev.sfsim.testcontainers.junit;

import static dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode.IN_PROCESS;

import dev.sfsim.testcontainers.LatencyProfile;

/**
 * Every test of {@link SalesforceSimulatorExtensionIT}, against a simulator inside this JVM instead
 * of the image (no Docker needed; an IT because it needs the packaged simulator jar).
 */
@SalesforceSimulatorTest(
    mode = IN_PROCESS,
    fixtures = {"fixtures/channel.json", "fixtures/component.json"},
    latencyProfile = LatencyProfile.INSTANT)
class InProcessExtensionIT extends SalesforceSimulatorExtensionIT {}
