package dev.sfsim.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Salesforce-compatible org simulator (sfsim) in a Docker container.
 *
 * <p>What runs: the sfsim simulator, one process serving Salesforce's own paths ({@code /services/oauth2/token},
 * {@code /services/data/vNN.N/...}) and the simulator-only admin API ({@code /__admin/...}) over an embedded
 * PostgreSQL inside the container. Image: {@code sfsim/simulator} (build it from the project's {@code Dockerfile};
 * any image declared {@linkplain DockerImageName#asCompatibleSubstituteFor(String) compatible} with it works).
 * Port: {@value #HTTP_PORT} inside the container, mapped to a random host port; use {@link #getInstanceUrl()}.
 * The container counts as started once {@code GET /__admin/health} answers 200 (migrations applied, fixtures
 * loaded).
 *
 * <pre>{@code
 * @Testcontainers
 * class OrderNotificationIT {
 *     @Container
 *     static SalesforceSimulatorContainer sfsim = new SalesforceSimulatorContainer("sfsim/simulator:0.1.0")
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
 * <p>The {@code withXxx} options only record what to do; they take effect when the container starts.
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

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final int FIXTURE_FILE_MODE = 0644;

    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private String username = DEFAULT_USERNAME;
    private String password = DEFAULT_PASSWORD;
    private int fixtureCount;

    /**
     * @param dockerImageName image name with tag, e.g. {@code "sfsim/simulator:0.1.0"}
     * @throws IllegalStateException if the image is neither {@code sfsim/simulator} nor declared compatible with it
     */
    public SalesforceSimulatorContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    /**
     * @param dockerImageName the image; {@code sfsim/simulator} or declared compatible with it through
     *                        {@link DockerImageName#asCompatibleSubstituteFor(DockerImageName)}
     * @throws IllegalStateException if the image is not compatible
     */
    public SalesforceSimulatorContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(HTTP_PORT);
        waitingFor(Wait.forHttp("/__admin/health")
                .forPort(HTTP_PORT)
                .forStatusCode(200)
                .withStartupTimeout(STARTUP_TIMEOUT));
    }

    /**
     * Loads a fixture file at start, as if posted to {@code POST /__admin/fixtures} (format: the project's
     * admin API documentation). Fixtures load in the order the {@code withFixtures} calls were made; one bad
     * fixture stops the simulator, so the container fails to start.
     *
     * @param classpathResource path of a {@code .json} resource on the test classpath, e.g. {@code "fixtures/org.json"}
     * @return this container
     * @throws IllegalArgumentException if the resource is not on the classpath or its name does not end in
     *                                  {@code .json}
     */
    public SalesforceSimulatorContainer withFixtures(String classpathResource) {
        Objects.requireNonNull(classpathResource, "classpathResource");
        String fileName = Path.of(classpathResource).getFileName().toString();
        return withCopyFileToContainer(
                MountableFile.forClasspathResource(classpathResource, FIXTURE_FILE_MODE), nextFixturePath(fileName));
    }

    /**
     * Loads a fixture file from the host at start; same rules as {@link #withFixtures(String)}.
     *
     * @param file a readable {@code .json} file
     * @return this container
     * @throws IllegalArgumentException if the file does not exist or its name does not end in {@code .json}
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
     * Chooses how fast simulated work happens ({@code SFSIM_LATENCY_PROFILE}).
     *
     * @param profile {@code "realistic"} (the default: sends take a few hundred milliseconds, so
     *                {@code Pending}/{@code InProgress} states are observable) or {@code "instant"}
     *                (a send request completes within about 100 ms); the simulator refuses to start on
     *                an unknown name
     * @return this container
     */
    public SalesforceSimulatorContainer withLatencyProfile(String profile) {
        return withEnv("SFSIM_LATENCY_PROFILE", Objects.requireNonNull(profile, "profile"));
    }

    /**
     * Sets the credentials the default org accepts for the OAuth password grant (and SOAP login).
     *
     * @param clientId     connected app consumer key ({@code client_id})
     * @param clientSecret connected app consumer secret ({@code client_secret})
     * @param username     the user's login name
     * @param password     the user's password (no security token needed)
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
     * @return the org's base URL as a client sees it, {@code http://<host>:<mapped port>}, no trailing slash;
     *         REST calls go to {@code getInstanceUrl() + "/services/data/v60.0/..."}
     * @throws IllegalStateException if the container is not started
     */
    public String getInstanceUrl() {
        return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
    }

    /** @return the OAuth 2.0 token endpoint, {@code getInstanceUrl() + "/services/oauth2/token"}; started containers only */
    public String getTokenUrl() {
        return getInstanceUrl() + "/services/oauth2/token";
    }

    /** @return the base of the simulator-only admin API, {@code getInstanceUrl() + "/__admin"}; started containers only */
    public String getAdminUrl() {
        return getInstanceUrl() + "/__admin";
    }

    /** @return the {@code client_id} the default org accepts */
    public String getClientId() {
        return clientId;
    }

    /** @return the {@code client_secret} the default org accepts */
    public String getClientSecret() {
        return clientSecret;
    }

    /** @return the username the default org accepts */
    public String getUsername() {
        return username;
    }

    /** @return the password the default org accepts */
    public String getPassword() {
        return password;
    }

    /** The simulator loads {@code /fixtures/*.json} in file-name order: a numbered prefix keeps the call order. */
    private String nextFixturePath(String fileName) {
        if (!fileName.endsWith(".json")) {
            throw new IllegalArgumentException("A fixture file name must end in .json: " + fileName);
        }
        fixtureCount++;
        return String.format("%s/%03d-%s", FIXTURES_DIRECTORY, fixtureCount, fileName);
    }
}
