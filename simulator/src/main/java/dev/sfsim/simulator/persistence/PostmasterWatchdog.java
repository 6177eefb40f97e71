package dev.sfsim.simulator.persistence;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL die with the simulator however the simulator dies (SIGKILL and
 * out-of-memory kills included, where no shutdown hook runs): {@code pg_ctl} detaches the
 * postmaster, so nothing else would stop it. A tiny {@code sh} process waits on a pipe whose only
 * writer is this JVM; when the JVM is gone the pipe reaches end of file and the shell asks the
 * postmaster for a fast shutdown ({@code SIGINT}), then kills it after 5 s. A clean {@link
 * #close()} kills the shell first and leaves stopping PostgreSQL to {@code pg_ctl stop}.
 */
final class PostmasterWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
  private static final String SCRIPT =
      "read -r _ ; kill -INT \"$1\" 2>/dev/null; i=0; "
          + "while kill -0 \"$1\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; kill -KILL \"$1\" 2>/dev/null";

  private final Process shell;

  private PostmasterWatchdog(Process shell) {
    this.shell = shell;
  }

  /**
   * Watches {@code postmasterPid}; empty (logged) where no {@code /bin/sh} can be started
   * (Windows).
   */
  static Optional<PostmasterWatchdog> watch(long postmasterPid) {
    try {
      Process p =
          new ProcessBuilder(
                  "/bin/sh", "-c", SCRIPT, "sfsim-postgres-watchdog", Long.toString(postmasterPid))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return Optional.of(new PostmasterWatchdog(p));
    } catch (IOException e) {
      LOG.warn(
          "No watchdog for the embedded PostgreSQL (it outlives a killed simulator): {}",
          e.getMessage());
      return Optional.empty();
    }
  }

  /** The shell's process id (for tests). */
  long pid() {
    return shell.pid();
  }

  @Override
  public void close() {
    shell.destroyForcibly();
    try {
      shell.getOutputStream().close();
    } catch (IOException ignored) {
      // the shell is gone
    }
  }
}
