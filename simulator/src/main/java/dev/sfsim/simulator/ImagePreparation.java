package dev.sfsim.simulator;

/**
 * The image build's two steps. {@code java -jar sfsim-simulator.jar prepare} ({@link #run}) starts
 * the simulator once with {@code SFSIM_EMBEDDED_DIR} set, so the PostgreSQL binaries are unpacked,
 * the data directory created and migrated, makes the calls a test makes ({@link TrainingRun}) and
 * stops cleanly. {@code java -jar sfsim-simulator.jar train} ({@link #train}) then starts on that
 * directory exactly as a container does and makes the same calls from a child JVM, so that the
 * class cache the JVM writes at exit (an AOT cache, or a CDS archive before Java 25) holds what a
 * start and a test use, and nothing else: not the one-off preparation (archive unpacking, initdb,
 * Flyway's 429 classes) nor the training's HTTP client (its 288 {@code jdk.internal.net} classes
 * among others), which every start would otherwise load from the cache for nothing: 1,672 classes
 * fewer in all. A container started from the image skips all of that work.
 */
final class ImagePreparation {
  private ImagePreparation() {}

  /** The first step ({@code prepare}): the calls from this JVM. */
  static void run(SimulatorConfig env) {
    startCallStop(env, "prepare", sim -> TrainingRun.run(sim.baseUrl(), env));
    System.out.println("sfsim prepared " + env.embeddedDirectory());
  }

  /**
   * The second step ({@code train}): a start on the prepared directory, the calls from a child JVM
   * ({@link TrainingRun#inChildProcess}), a clean stop.
   */
  static void train(SimulatorConfig env) {
    startCallStop(
        env,
        "train",
        sim -> {
          // Built, not printed: what a start links once it is ready, for the cache.
          SimulatorMain.readyLine(sim, 0);
          TrainingRun.inChildProcess(sim.baseUrl());
        });
    System.out.println("sfsim trained on " + env.embeddedDirectory());
  }

  /**
   * Starts the simulator on {@code SFSIM_EMBEDDED_DIR}, runs {@code calls} against it, stops it,
   * then leaves the directory as a container's start expects it: created orgs dropped, marked
   * pristine (the last call was a reset and the server has stopped: the data is what the next
   * start's reset would make).
   */
  private static void startCallStop(
      SimulatorConfig env, String command, java.util.function.Consumer<Simulator> calls) {
    java.nio.file.Path directory = env.embeddedDirectory();
    if (directory == null) {
      throw new IllegalStateException(command + " needs SFSIM_EMBEDDED_DIR");
    }
    String fingerprint;
    try (Simulator sim = Simulator.start(env.withPort(0).withFixtureDirs(java.util.List.of()))) {
      fingerprint = sim.pristineFingerprint();
      calls.accept(sim);
    }
    dropCreatedOrgs(directory);
    dev.sfsim.simulator.persistence.Database.markPristine(directory, fingerprint);
  }

  /**
   * Drops the schemas of the org made above and of the spare made after it: left in the image,
   * every container would drop them in the background while it starts (an embedded server's
   * leftovers of an earlier run are dropped at start).
   */
  private static void dropCreatedOrgs(java.nio.file.Path directory) {
    try (var db = dev.sfsim.simulator.persistence.Database.embedded(directory)) {
      db.jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'org\\_%' OR nspname LIKE 'sfsim\\_spare\\_%'")
                      .mapTo(String.class)
                      .list())
          .forEach(db::dropSchema);
    }
  }
}
