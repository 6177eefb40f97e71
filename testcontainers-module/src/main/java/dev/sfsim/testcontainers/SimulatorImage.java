package dev.sfsim.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.LazyFuture;

/**
 * The simulator image this module is made for: {@code sfsim/simulator:<version of this module>}
 * (the image tag always equals the artifact version). {@link #defaultImage()} finds it in the local
 * Docker engine, else pulls it, else builds it once from the simulator jar this module depends on
 * and the project's {@code Dockerfile} (Testcontainers' {@link ImageFromDockerfile}), printing one
 * line that says so; later runs find the built image.
 *
 * <p>The base image of that build (any image with {@code java} 17+, {@code bash} and {@code
 * useradd}) is the system property {@value #BASE_IMAGE_PROPERTY}, else the environment variable
 * {@value #BASE_IMAGE_VARIABLE}, else {@value #DEFAULT_BASE_IMAGE}.
 */
public final class SimulatorImage {

  /**
   * System property naming the image to use instead (taken as is: pulled when missing, never
   * built).
   */
  public static final String IMAGE_PROPERTY = "sfsim.image";

  /** System property naming the JRE base image of a self-built image. */
  public static final String BASE_IMAGE_PROPERTY = "sfsim.baseImage";

  /**
   * Environment variable naming the JRE base image of a self-built image (when the property is not
   * set).
   */
  public static final String BASE_IMAGE_VARIABLE = "SFSIM_BASE_IMAGE";

  /** The base image of a self-built image when neither is set: the official Temurin JRE image. */
  public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:25-jre";

  private static final String VERSION_RESOURCE =
      "/dev/sfsim/testcontainers/sfsim-testcontainers.properties";
  private static final String DOCKERFILE_RESOURCE = "dev/sfsim/testcontainers/Dockerfile";

  /** Where the Dockerfile's {@code COPY} expects the jar inside the build context. */
  private static final String JAR_IN_CONTEXT = "simulator/target/sfsim-simulator.jar";

  private static final long PULL_TIMEOUT_SECONDS = 120;
  private static final String VERSION = readVersion();

  private SimulatorImage() {}

  /**
   * @return this module's version, e.g. {@code "0.1.0"} (written into the jar at build time)
   */
  public static String version() {
    return VERSION;
  }

  /**
   * @return {@code sfsim/simulator:<version()>}
   */
  public static DockerImageName defaultImageName() {
    return SalesforceSimulatorContainer.DEFAULT_IMAGE_NAME.withTag(VERSION);
  }

  /**
   * @return the system property {@value #IMAGE_PROPERTY} when set; else the default image's name,
   *     resolved on first use: present locally, else pulled, else built from the simulator jar (a
   *     minute or two, once per engine)
   */
  public static Future<String> defaultImage() {
    String named = System.getProperty(IMAGE_PROPERTY);
    if (named != null && !named.isBlank()) {
      return CompletableFuture.completedFuture(named.strip());
    }
    String name = defaultImageName().asCanonicalNameString();
    return new LazyFuture<>() {
      @Override
      protected String resolve() {
        return presentPulledOrBuilt(name);
      }
    };
  }

  /**
   * @return the JRE base image of a self-built image: property, else environment, else the Temurin
   *     image
   */
  public static String baseImage() {
    String property = System.getProperty(BASE_IMAGE_PROPERTY);
    if (property != null && !property.isBlank()) {
      return property.strip();
    }
    String variable = System.getenv(BASE_IMAGE_VARIABLE);
    return variable != null && !variable.isBlank() ? variable.strip() : DEFAULT_BASE_IMAGE;
  }

  private static String presentPulledOrBuilt(String name) {
    DockerClient client = DockerClientFactory.lazyClient();
    if (present(client, name) || pulled(client, name)) {
      return name;
    }
    Path jar = simulatorJar();
    String base = baseImage();
    System.out.println(
        "sfsim: image "
            + name
            + " is neither present nor pullable; building it from "
            + jar
            + " on "
            + base
            + " (once; later runs use it)");
    return new ImageFromDockerfile(name, false)
        .withFileFromClasspath("Dockerfile", DOCKERFILE_RESOURCE)
        .withFileFromPath(JAR_IN_CONTEXT, jar)
        .withBuildArg("BASE_IMAGE", base)
        .get();
  }

  private static boolean present(DockerClient client, String name) {
    try {
      client.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Not published yet, no registry reachable (CI): any failure means "build it". */
  private static boolean pulled(DockerClient client, String name) {
    DockerImageName parsed = DockerImageName.parse(name);
    try {
      client
          .pullImageCmd(parsed.getUnversionedPart())
          .withTag(parsed.getVersionPart())
          .start()
          .awaitCompletion(PULL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return present(client, name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The self-contained simulator jar on the classpath (in the local Maven repository); in this
   * project's own build, where the classpath may hold {@code simulator/target/classes}, the jar
   * packaged beside it.
   */
  static Path simulatorJar() {
    Path location;
    try {
      location =
          Path.of(
              Class.forName(
                      "dev.sfsim.simulator.SimulatorMain",
                      false,
                      SimulatorImage.class.getClassLoader())
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException(
          "The simulator jar (dev.sfsim:sfsim-simulator) is not on the classpath: "
              + "it comes with dev.sfsim:sfsim-testcontainers unless excluded",
          e);
    }
    if (Files.isRegularFile(location)) {
      return location;
    }
    Path packaged = location.resolveSibling("sfsim-simulator.jar");
    if (Files.isRegularFile(packaged)) {
      return packaged;
    }
    throw new IllegalStateException(
        "The simulator classes at "
            + location
            + " are not a jar, and "
            + packaged
            + " does not exist: package the simulator first (./mvnw package -pl simulator)");
  }

  private static String readVersion() {
    try (InputStream in = SimulatorImage.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(VERSION_RESOURCE + " is missing from sfsim-testcontainers");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
