package dev.sfsim.simulator.persistence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * JDBC URLs that reach a PostgreSQL on the same machine through its Unix-domain socket instead of
 * loopback TCP: each round trip costs the simulator's threads less kernel time (no TCP/IP stack on
 * either side). pgjdbc takes any {@code javax.net.SocketFactory}; junixsocket's {@link
 * AFUNIXSocketFactory.FactoryArg} connects to the socket file it is given whatever host and port
 * the URL names. (The JDK's own Unix-domain {@code SocketChannel} has no {@code java.net.Socket}
 * view, and streams over it honour no read timeout, which the clock listener's wait relies on.)
 */
public final class UnixSocket {
  /**
   * The longest socket path the operating systems take: {@code sun_path} is 108 bytes on Linux and
   * 104 on macOS, its terminating NUL included.
   */
  static final int MAX_PATH_BYTES = 103;

  /**
   * Paths passed through unquoted to PostgreSQL's command line (zonky joins its options with
   * spaces).
   */
  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

  private UnixSocket() {}

  /**
   * A pgjdbc URL over the socket PostgreSQL listening on {@code port} makes in {@code directory}
   * ({@code unix_socket_directories}); empty when that path is too long or needs quoting, or when
   * junixsocket cannot load its native library here (no build for the platform, or a temporary
   * directory it cannot write to or execute from): the caller keeps TCP. Without TLS ({@code
   * sslmode=disable}): the socket is the data directory's, and pgjdbc's default ({@code prefer})
   * asks the server for TLS first, one round trip more at every login.
   *
   * @param directory an absolute directory
   * @param port the server's port, which names the socket file {@code .s.PGSQL.<port>}
   * @param database the database to connect to
   */
  public static Optional<String> jdbcUrl(Path directory, int port, String database) {
    if (!usable(directory) || !supported()) {
      return Optional.empty();
    }
    String socket = directory.resolve(".s.PGSQL." + port).toString();
    return Optional.of(
        "jdbc:postgresql://localhost:"
            + port
            + "/"
            + database
            + "?socketFactory="
            + URLEncoder.encode(
                AFUNIXSocketFactory.FactoryArg.class.getName(), StandardCharsets.UTF_8)
            + "&socketFactoryArg="
            + URLEncoder.encode(socket, StandardCharsets.UTF_8)
            + "&sslmode=disable");
  }

  /**
   * Whether PostgreSQL can be told to make its socket in {@code directory} and a client reach it.
   */
  static boolean usable(Path directory) {
    String path = directory.toString();
    return directory.isAbsolute()
        && PLAIN_PATH.matcher(path).matches()
        && (path + "/.s.PGSQL.65535").getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
  }

  /**
   * Whether junixsocket works here: the first call loads its native library (a few milliseconds).
   */
  static boolean supported() {
    try {
      return AFUNIXSocket.isSupported();
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }
}
