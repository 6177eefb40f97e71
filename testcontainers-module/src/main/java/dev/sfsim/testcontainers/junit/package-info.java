/**
 * The JUnit 5 extension: the {@code @SalesforceSimulatorTest} annotation starts one simulator (a
 * container, or in process) per test run, injects {@link
 * dev.sfsim.testcontainers.junit.SalesforceSimulator} handles (the default org, or an org of its
 * own per test class) and resets between tests; {@code @EnabledIfDockerAvailable} skips tests
 * without Docker. Depends on the container and the admin client.
 */
package dev.sfsim.testcontainers.junit;
