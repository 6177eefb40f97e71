package dev.sfsim.simulator;

/**
 * {@code java -jar sfsim-simulator.jar prepare}, run when the image is built: starts the simulator
 * once with {@code SFSIM_EMBEDDED_DIR} set, so the PostgreSQL binaries are unpacked, the data
 * directory created and migrated; makes the calls a test makes ({@link TrainingRun}) so that the
 * class cache the JVM writes at exit (an AOT cache, or a CDS archive before Java 25) holds what a
 * real start and a test use; then stops cleanly. A container started from the image skips all of
 * that work.
 */
final class ImagePreparation {
  private ImagePreparation() {}

  static void run(SimulatorConfig env) {
    if (env.embeddedDirectory() == null) {
      throw new IllegalStateException("prepare needs SFSIM_EMBEDDED_DIR");
    }
    String fingerprint;
    try (Simulator sim = Simulator.start(env.withPort(0).withFixtureDirs(java.util.List.of()))) {
      fingerprint = sim.pristineFingerprint();
      SimulatorMain.readyLine(sim, 0); // built, not printed: what a start links after it is ready
      TrainingRun.run(sim.baseUrl(), env);
    }
    dropCreatedOrgs(env.embeddedDirectory());
    // The last call was a reset, and the server has stopped: the data is what the next start's
    // reset would make.
    dev.sfsim.simulator.persistence.Database.markPristine(env.embeddedDirectory(), fingerprint);
    System.out.println("sfsim prepared " + env.embeddedDirectory());
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
