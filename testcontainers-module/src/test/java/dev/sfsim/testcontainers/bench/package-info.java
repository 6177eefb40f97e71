/**
 * Benchmarks of the module: {@code SuiteBenchmark} times a 200-test
 * {@code @SalesforceSimulatorTest} class run through the JUnit Platform launcher. They print
 * figures and never fail a build on time.
 */
package dev.sfsim.testcontainers.bench;
