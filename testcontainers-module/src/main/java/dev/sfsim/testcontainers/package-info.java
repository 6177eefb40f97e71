/**
 * The Testcontainers module: {@link dev.sfsim.testcontainers.SalesforceSimulatorContainer} runs the
 * simulator's image (org credentials, instance URL, latency profile, fixtures, an external
 * PostgreSQL), and {@code SimulatorImage} names the image of this release. Sub-packages: {@code
 * admin} (the admin API client) and {@code junit} (the JUnit 5 extension).
 */
package dev.sfsim.testcontainers;
