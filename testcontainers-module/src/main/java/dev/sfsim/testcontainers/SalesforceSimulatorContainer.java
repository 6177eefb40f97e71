package dev.sfsim.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.sfsim.testcontainers.admin.SimulatorAdminClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Salesforce-compatible org simulator (sfsim) in a Docker container.
 *
 * <p>What runs: the sfsim simulator, one process serving Salesforce's own paths ({@code
 * /services/oauth2/token}, {@code /services/data/vNN.N/...}) and the simulator-only admin API
 * ({@code /__admin/...}) over an embedded PostgreSQL inside the container. Image: {@code
 * sfsim/simulator:<this module's version>} by default (the no-argument constructor finds it, pulls
 * it, or builds it from the simulator jar: {@link SimulatorImage}); any other {@code
 * sfsim/simulator} tag, or an image declared {@linkplain
 * DockerImageName#asCompatibleSubstituteFor(String) compatible} with it, by name. Port: {@value
 * #HTTP_PORT} inside the container, mapped to a random host port; use {@link #getInstanceUrl()}.
 * The container counts as started once {@code GET /__admin/health} answers 200 (migrations applied,
 * fixtures loaded).
 *
 * <pre>{@code
 * @Testcontainers
 * class OrderNotificationIT {
 *     @Container
 *     static SalesforceSimulatorContainer sfsim = new SalesforceSimulatorContainer()
 *             .withFixtures("fixtures/order-shipped.json")  // a classpath resource
 *             .withLatencyProfile("instant");
 *
 *     @Test
 *     void sendsTheNotification() {
 *         var client = new MySalesforceClient(sfsim.getTokenUrl(), sfsim.getClientId(), sfsim.getClientSecret(),
 *                 sfsim.getUsername(), sfsim.getPassword());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The {@code withXxx} options only record what to do; they take effect when the container
 * starts. The configuration is deterministic (no random port, name or token goes into the
 * container's definition; the host port is chosen by Docker), so Testcontainers' reuse mode ({@code
 * .withReuse(true)} and {@code testcontainers.reuse.enable=true}) finds the same container again,
 * also from the next JVM; the image's id is part of the definition, so a rebuilt image gets a new
 * container. An attached container keeps the data of the run before: call {@code
 * getAdminClient().reset()} (see {@link #wasReused()}), or let the JUnit extension
 * ({@code @SalesforceSimulatorTest}) do it. Not with {@link #withExternalPostgres}: its network is
 * new every time.
 */
public class SalesforceSimulatorContainer extends GenericContainer<SalesforceSimulatorContainer> {

  /** The image this module is made for; other names must be declared compatible substitutes. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("sfsim/simulator");

  /** The HTTP port the simulator listens on inside the container. */
  public static final int HTTP_PORT = 8080;

  /** Where startup fixtures live inside the container ({@code SFSIM_FIXTURES} of the image). */
  public static final String FIXTURES_DIRECTORY = "/fixtures";

  /** The default org's {@code client_id} unless {@link #withCredentials} changes it. */
  public static final String DEFAULT_CLIENT_ID = "sfsim-client-id";

  /** The default org's {@code client_secret} unless {@link #withCredentials} changes it. */
  public static final String DEFAULT_CLIENT_SECRET = "sfsim-client-secret";

  /** The default org's username unless {@link #withCredentials} changes it. */
  public static final String DEFAULT_USERNAME = "admin@sfsim.example";

  /** The default org's password unless {@link #withCredentials} changes it. */
  public static final String DEFAULT_PASSWORD = "sfsim-password";

  /**
   * The REST API version the getters and the admin client use unless {@link #withApiVersion}
   * changes it.
   */
  public static final String DEFAULT_API_VERSION = "60.0";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final int FIXTURE_FILE_MODE = 0644;

  /** Where {@link #withCustomFields(String)} copies a declarations file inside the container. */
  private static final String CUSTOM_FIELDS_PATH = "/tmp/sfsim-custom-fields.json";

  private String clientId = DEFAULT_CLIENT_ID;
  private String clientSecret = DEFAULT_CLIENT_SECRET;
  private String username = DEFAULT_USERNAME;
  private String password = DEFAULT_PASSWORD;
  private int fixtureCount;
  private String apiVersion = DEFAULT_API_VERSION;
  private @Nullable String adminToken;
  private @Nullable PostgreSQLContainer externalPostgres;
  private boolean reused;

  /**
   * The image matching this module's version, {@code sfsim/simulator:<version>} ({@link
   * SimulatorImage}): used when present locally, else pulled, else built once from the simulator
   * jar this module depends on. The system property {@code sfsim.image} names another image
   * instead.
   */
  public SalesforceSimulatorContainer() {
    super(SimulatorImage.defaultImage());
    configureDefaults();
  }

  /**
   * @param dockerImageName image name with tag, e.g. {@code "sfsim/simulator:0.1.0"}
   * @throws IllegalStateException if the image is neither {@code sfsim/simulator} nor declared
   *     compatible with it
   */
  public SalesforceSimulatorContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * @param dockerImageName the image; {@code sfsim/simulator} or declared compatible with it
   *     through {@link DockerImageName#asCompatibleSubstituteFor(DockerImageName)}
   * @throws IllegalStateException if the image is not compatible
   */
  public SalesforceSimulatorContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    configureDefaults();
  }

  private void configureDefaults() {
    withExposedPorts(HTTP_PORT);
    waitingFor(
        Wait.forHttp("/__admin/health")
            .forPort(HTTP_PORT)
            .forStatusCode(200)
            .withStartupTimeout(STARTUP_TIMEOUT));
  }

  /**
   * Loads a fixture file at start, as if posted to {@code POST /__admin/fixtures} (format: that
   * operation of {@code GET /__admin/openapi.json}). Fixtures load in the order the {@code
   * withFixtures} calls were made; one bad fixture stops the simulator, so the container fails to
   * start.
   *
   * @param classpathResource path of a {@code .json} resource on the test classpath, e.g. {@code
   *     "fixtures/org.json"}; or, when it starts with <code>{</code>, the fixtures body itself as a
   *     JSON string
   * @return this container
   * @throws IllegalArgumentException if the resource is not on the classpath or its name does not
   *     end in {@code .json}
   */
  public SalesforceSimulatorContainer withFixtures(String classpathResource) {
    Objects.requireNonNull(classpathResource, "classpathResource");
    if (classpathResource.strip().startsWith("{")) {
      return withCopyToContainer(
          Transferable.of(classpathResource, FIXTURE_FILE_MODE), nextFixturePath("inline.json"));
    }
    String fileName = Path.of(classpathResource).getFileName().toString();
    return withCopyFileToContainer(
        MountableFile.forClasspathResource(classpathResource, FIXTURE_FILE_MODE),
        nextFixturePath(fileName));
  }

  /**
   * Loads a fixture file from the host at start; same rules as {@link #withFixtures(String)}.
   *
   * @param file a readable {@code .json} file
   * @return this container
   * @throws IllegalArgumentException if the file does not exist or its name does not end in {@code
   *     .json}
   */
  public SalesforceSimulatorContainer withFixtures(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Fixture file not found: " + file);
    }
    String fileName = file.getFileName().toString();
    return withCopyFileToContainer(
        MountableFile.forHostPath(file, FIXTURE_FILE_MODE), nextFixturePath(fileName));
  }

  /**
   * Declares custom fields on the standard objects ({@code SFSIM_CUSTOM_FIELDS}; format: the
   * project README's "Custom fields" section), e.g. a multi-select picklist {@code
   * Contact.Preferred_Channels__c}. A bad declaration stops the simulator, so the container fails
   * to start.
   *
   * @param classpathResource path of a {@code .json} resource on the test classpath, e.g. {@code
   *     "custom-fields.json"}; or, when it starts with <code>{</code>, the declarations themselves
   *     as a JSON string
   * @return this container
   * @throws IllegalArgumentException if the resource is not on the classpath
   */
  public SalesforceSimulatorContainer withCustomFields(String classpathResource) {
    Objects.requireNonNull(classpathResource, "classpathResource");
    if (classpathResource.strip().startsWith("{")) {
      return withEnv("SFSIM_CUSTOM_FIELDS", classpathResource.strip());
    }
    withCopyFileToContainer(
        MountableFile.forClasspathResource(classpathResource, FIXTURE_FILE_MODE),
        CUSTOM_FIELDS_PATH);
    return withEnv("SFSIM_CUSTOM_FIELDS", CUSTOM_FIELDS_PATH);
  }

  /**
   * Chooses how fast simulated work happens ({@code SFSIM_LATENCY_PROFILE}).
   *
   * @param profile {@code "realistic"} (the default: sends take a few hundred milliseconds, so
   *     {@code Pending}/{@code InProgress} states are observable) or {@code "instant"} (a send
   *     request completes within about 100 ms); the simulator refuses to start on an unknown name
   * @return this container
   */
  public SalesforceSimulatorContainer withLatencyProfile(String profile) {
    return withEnv("SFSIM_LATENCY_PROFILE", Objects.requireNonNull(profile, "profile"));
  }

  /**
   * Sets the credentials the default org accepts for the OAuth password grant (and SOAP login).
   *
   * @param clientId connected app consumer key ({@code client_id})
   * @param clientSecret connected app consumer secret ({@code client_secret})
   * @param username the user's login name
   * @param password the user's password (no security token needed)
   * @return this container
   */
  public SalesforceSimulatorContainer withCredentials(
      String clientId, String clientSecret, String username, String password) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    return withEnv("SFSIM_CLIENT_ID", clientId)
        .withEnv("SFSIM_CLIENT_SECRET", clientSecret)
        .withEnv("SFSIM_USERNAME", username)
        .withEnv("SFSIM_PASSWORD", password);
  }

  /**
   * How conversation entries of enhanced channels appear ({@code SFSIM_CONVERSATION_ENTRIES}).
   *
   * @param mode {@code "realistic"} (the default: as a real org shows them, when the session ends)
   *     or {@code "immediate"} (every entry at once, with its text)
   * @return this container
   */
  public SalesforceSimulatorContainer withConversationEntries(String mode) {
    return withEnv("SFSIM_CONVERSATION_ENTRIES", Objects.requireNonNull(mode, "mode"));
  }

  /**
   * Closes the admin API: every {@code /__admin} call except health then needs {@code
   * Authorization: Bearer <token>} ({@code SFSIM_ADMIN_TOKEN}). {@link #getAdminClient()} sends it.
   *
   * @param token the token admin calls must carry
   * @return this container
   */
  public SalesforceSimulatorContainer withAdminToken(String token) {
    this.adminToken = Objects.requireNonNull(token, "token");
    return withEnv("SFSIM_ADMIN_TOKEN", token);
  }

  /**
   * The REST API version {@link #getDataUrl()} and the admin client's data calls use; the simulator
   * itself serves every version from 31.0 on, whatever this says.
   *
   * @param version e.g. {@code "60.0"}
   * @return this container
   * @throws IllegalArgumentException if the version is not of the form {@code NN.0}
   */
  public SalesforceSimulatorContainer withApiVersion(String version) {
    if (version == null || !version.matches("\\d{2}\\.0")) {
      throw new IllegalArgumentException("An API version looks like 60.0, was: " + version);
    }
    this.apiVersion = version;
    return self();
  }

  /**
   * Keeps the simulator's data in the caller's PostgreSQL instead of the embedded one ({@code
   * SFSIM_DATABASE_URL}, {@code _USER}, {@code _PASSWORD}). Both containers join one network (the
   * PostgreSQL container's, or a new one given to both when it has none); the simulator starts
   * after it. The caller owns and stops the PostgreSQL container; several simulators may share it.
   *
   * @param postgres a PostgreSQL container, not yet started or started with a network
   * @return this container
   * @throws IllegalStateException if {@code postgres} already runs without a network
   */
  public SalesforceSimulatorContainer withExternalPostgres(PostgreSQLContainer postgres) {
    Objects.requireNonNull(postgres, "postgres");
    if (postgres.getNetwork() == null) {
      if (postgres.getContainerId() != null) {
        throw new IllegalStateException(
            "The PostgreSQL container already runs without a network: give it "
                + ".withNetwork(Network.newNetwork()) before starting it");
      }
      postgres.withNetwork(Network.newNetwork());
    }
    this.externalPostgres = postgres;
    withNetwork(postgres.getNetwork());
    dependsOn(postgres);
    return self();
  }

  @Override
  protected void configure() {
    super.configure();
    if (isShouldBeReused()) {
      // Reuse matches on the definition, which names the image by tag: the id makes a rebuilt image
      // a new match.
      withLabel(
          "dev.sfsim.image-id",
          DockerClientFactory.lazyClient().inspectImageCmd(getDockerImageName()).exec().getId());
    }
    if (externalPostgres != null) {
      String alias = externalPostgres.getNetworkAliases().get(0);
      withEnv(
          "SFSIM_DATABASE_URL",
          "jdbc:postgresql://" + alias + ":5432/" + externalPostgres.getDatabaseName());
      withEnv("SFSIM_DATABASE_USER", externalPostgres.getUsername());
      withEnv("SFSIM_DATABASE_PASSWORD", externalPostgres.getPassword());
    }
  }

  @Override
  protected void containerIsStarting(InspectContainerResponse containerInfo, boolean reused) {
    super.containerIsStarting(containerInfo, reused);
    this.reused = reused;
  }

  /**
   * @return true when {@link #start()} attached to a running container of an equal definition
   *     (Testcontainers' reuse mode) instead of creating one; its orgs then still hold what the run
   *     before left there
   */
  public boolean wasReused() {
    return reused;
  }

  /**
   * @return the org's base URL as a client sees it, {@code http://<host>:<mapped port>}, no
   *     trailing slash; REST calls go to {@code getInstanceUrl() + "/services/data/v60.0/..."}
   * @throws IllegalStateException if the container is not started
   */
  public String getInstanceUrl() {
    return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
  }

  /**
   * @return the OAuth 2.0 token endpoint, {@code getInstanceUrl() + "/services/oauth2/token"};
   *     started containers only
   */
  public String getTokenUrl() {
    return getInstanceUrl() + "/services/oauth2/token";
  }

  /**
   * @return the base of the simulator-only admin API, {@code getInstanceUrl() + "/__admin"};
   *     started containers only
   */
  public String getAdminUrl() {
    return getInstanceUrl() + "/__admin";
  }

  /**
   * @return {@code getInstanceUrl() + "/services/data/v" + apiVersion}, the base of REST calls;
   *     started containers only
   */
  public String getDataUrl() {
    return getInstanceUrl() + "/services/data/v" + apiVersion;
  }

  /**
   * @return the REST API version of {@link #getDataUrl()}, e.g. {@code "60.0"}
   */
  public String getApiVersion() {
    return apiVersion;
  }

  /**
   * @return the admin token set with {@link #withAdminToken}, or null
   */
  public @Nullable String getAdminToken() {
    return adminToken;
  }

  /**
   * @return a fresh access token of the default org (OAuth username-password flow with its
   *     credentials); tokens end with a reset, so ask again after one. Started containers only.
   */
  public String getAccessToken() {
    return getAdminClient().accessToken();
  }

  /**
   * @return an admin client for the default org (credentials, API version and admin token of this
   *     container)
   */
  public SimulatorAdminClient getAdminClient() {
    return new SimulatorAdminClient(
        getInstanceUrl(), clientId, clientSecret, username, password, apiVersion, adminToken);
  }

  /**
   * @return the {@code client_id} the default org accepts
   */
  public String getClientId() {
    return clientId;
  }

  /**
   * @return the {@code client_secret} the default org accepts
   */
  public String getClientSecret() {
    return clientSecret;
  }

  /**
   * @return the username the default org accepts
   */
  public String getUsername() {
    return username;
  }

  /**
   * @return the password the default org accepts
   */
  public String getPassword() {
    return password;
  }

  /**
   * The simulator loads {@code /fixtures/*.json} in file-name order: a numbered prefix keeps the
   * call order.
   */
  private String nextFixturePath(String fileName) {
    if (!fileName.endsWith(".json")) {
      throw new IllegalArgumentException("A fixture file name must end in .json: " + fileName);
    }
    fixtureCount++;
    return String.format("%s/%03d-%s", FIXTURES_DIRECTORY, fixtureCount, fileName);
  }
}
