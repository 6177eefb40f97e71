package dev.sfsim.testcontainers.reuse;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;

/**
 * Run by {@link ReuseIT} in a second JVM: starts the same container definition and prints {@code
 * <container id> <reused>}, leaving the container running.
 */
public final class ReuseProbe {
  private ReuseProbe() {}

  public static void main(String[] args) {
    SalesforceSimulatorContainer sfsim = ReuseIT.definition();
    sfsim.start();
    System.out.println("PROBE " + sfsim.getContainerId() + " " + sfsim.wasReused());
  }
}
