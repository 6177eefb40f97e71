package dev.sfsim.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar sfsim-simulator.jar}: reads {@code SFSIM_*} environment variables, starts the
 * simulator and prints one ready line with the base URL and the credentials it accepts. SIGTERM (or
 * Ctrl-C) stops it cleanly, embedded PostgreSQL included. A bad configuration or startup fixture
 * exits with status 1 and a message. {@code java -jar sfsim-simulator.jar prepare}, then {@code
 * train}, are for image builds ({@link ImagePreparation}).
 */
public final class SimulatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

  private SimulatorMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("prepare")) {
      ImagePreparation.run(SimulatorConfig.fromEnvironment(System.getenv()));
      return;
    }
    if (args.length == 1 && args[0].equals("train")) {
      ImagePreparation.train(SimulatorConfig.fromEnvironment(System.getenv()));
      return;
    }
    long started = System.nanoTime();
    Simulator sim;
    try {
      sim = Simulator.start(SimulatorConfig.fromEnvironment(System.getenv()));
    } catch (RuntimeException e) {
      LOG.error("sfsim failed to start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("sfsim stopping");
                  sim.close();
                },
                "sfsim-shutdown"));
    System.out.print(readyLine(sim, (System.nanoTime() - started) / 1_000_000));
    System.out.flush();
  }

  /**
   * The line printed once the simulator answers: version, start time in milliseconds, base URL,
   * listening address, and the credentials. The image's preparation builds it too, so that the
   * class cache holds what it links.
   */
  static String readyLine(Simulator sim, long startMillis) {
    SimulatorConfig c = sim.config();
    return String.format(
        "sfsim %s ready in %d ms at %s (listening on %s%s) — token URL %s/services/oauth2/token, client_id=%s client_secret=%s username=%s password=%s%n",
        Simulator.version(),
        startMillis,
        sim.baseUrl(),
        sim.listensOn(),
        c.bindAddress().equals(SimulatorConfig.DEFAULT_BIND_ADDRESS)
            ? ", loopback only: SFSIM_BIND_ADDRESS=0.0.0.0 opens it"
            : "",
        sim.baseUrl(),
        c.clientId(),
        shown(c.clientSecret(), SimulatorConfig.DEFAULT_CLIENT_SECRET, "SFSIM_CLIENT_SECRET"),
        c.username(),
        shown(c.password(), SimulatorConfig.DEFAULT_PASSWORD, "SFSIM_PASSWORD"));
  }

  /**
   * Secrets are printed only when they are the public defaults; configured ones are never logged.
   */
  private static String shown(String value, String publicDefault, String variable) {
    return value.equals(publicDefault) ? value : "(" + variable + ")";
  }
}
