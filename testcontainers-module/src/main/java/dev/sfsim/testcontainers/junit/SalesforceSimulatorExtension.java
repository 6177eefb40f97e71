package dev.sfsim.testcontainers.junit;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.admin.OrgCredentials;
import dev.sfsim.testcontainers.admin.SimulatorAdminClient;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The extension behind {@link SalesforceSimulatorTest}: simulators live in the root context's store
 * (one per mode, configuration and JVM); each test gets the default org, reset, or its own new org.
 * Containers are started with {@code withReuse(true)}: with Testcontainers' reuse mode enabled they
 * outlive the JVM and the next run attaches to them, resetting the default org first. In-process
 * simulators always stop with the JVM's tests.
 *
 * <p>Uses only JUnit Jupiter API of 5.10 and later (Spring Boot 3.2+ manages 5.10 or newer).
 */
@SuppressWarnings(
    "deprecation") // getOrComputeIfAbsent and CloseableResource: JUnit 5.10 has nothing newer
public final class SalesforceSimulatorExtension
    implements ExecutionCondition,
        BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SalesforceSimulatorExtension.class);
  private static final String TEST_HANDLE = "handle";

  /**
   * A started simulator, stopped when the root store closes (unless Testcontainers' reuse mode
   * keeps it).
   */
  record Shared(AutoCloseable simulator, SalesforceSimulator defaultOrg, String apiVersion)
      implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    @Override
    public synchronized void close() throws Exception {
      simulator.close(); // both are idempotent: JUnit 6 may call this as AutoCloseable and as
      // CloseableResource
    }

    SimulatorAdminClient admin() {
      return defaultOrg.admin();
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<SalesforceSimulatorTest> config = findConfig(context);
    if (config.isEmpty()) {
      return ConditionEvaluationResult.enabled("not a @SalesforceSimulatorTest");
    }
    JUnitVersion.requireSupported();
    if (mode(config.get()) == Mode.IN_PROCESS) {
      return ConditionEvaluationResult.enabled("in-process simulator");
    }
    return new DockerAvailableCondition().evaluateExecutionCondition(context);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    shared(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SalesforceSimulatorTest config = config(context);
    Shared shared = shared(context);
    SalesforceSimulator handle = shared.defaultOrg();
    if (config.orgPerTest()) {
      OrgCredentials org = shared.admin().createOrg();
      handle = new SalesforceSimulator(org, shared.apiVersion(), shared.admin().forOrg(org));
    } else if (config.resetBeforeEach()) {
      handle.admin().reset();
    }
    context.getStore(NAMESPACE).put(TEST_HANDLE, handle);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SalesforceSimulator handle =
        context.getStore(NAMESPACE).remove(TEST_HANDLE, SalesforceSimulator.class);
    if (handle != null && config(context).orgPerTest()) {
      shared(context).admin().deleteOrg(handle.getOrgId());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SalesforceSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SalesforceSimulator handle =
        context.getStore(NAMESPACE).get(TEST_HANDLE, SalesforceSimulator.class);
    return handle != null ? handle : shared(context).defaultOrg();
  }

  /**
   * The annotation's mode, else {@code sfsim.mode}, else {@code SFSIM_MODE}, else {@link
   * Mode#CONTAINER}.
   */
  static Mode mode(SalesforceSimulatorTest config) {
    if (config.mode() != Mode.DEFAULT) {
      return config.mode();
    }
    String chosen = System.getProperty(SalesforceSimulatorTest.MODE_PROPERTY);
    String source = SalesforceSimulatorTest.MODE_PROPERTY;
    if (chosen == null || chosen.isBlank()) {
      chosen = System.getenv(SalesforceSimulatorTest.MODE_VARIABLE);
      source = SalesforceSimulatorTest.MODE_VARIABLE;
    }
    if (chosen == null || chosen.isBlank()) {
      return Mode.CONTAINER;
    }
    switch (chosen.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "container":
        return Mode.CONTAINER;
      case "in-process":
        return Mode.IN_PROCESS;
      default:
        throw new ExtensionConfigurationException(
            source + " must be container or in-process, was: " + chosen);
    }
  }

  private static Shared shared(ExtensionContext context) {
    SalesforceSimulatorTest config = config(context);
    Mode mode = mode(config);
    String image =
        mode == Mode.IN_PROCESS
            ? ""
            : !config.image().isEmpty() ? config.image() : System.getProperty("sfsim.image", "");
    String key =
        mode
            + "|"
            + image
            + "|"
            + String.join(",", config.fixtures())
            + "|"
            + config.latencyProfile().wireValue();
    return java.util.Objects.requireNonNull( // computed when absent, never null
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                key,
                k ->
                    mode == Mode.IN_PROCESS
                        ? startInProcess(config)
                        : startContainer(image, config),
                Shared.class));
  }

  private static Shared startInProcess(SalesforceSimulatorTest config) {
    InProcessSimulator simulator =
        InProcessSimulator.start(config.fixtures(), config.latencyProfile());
    String url = simulator.baseUrl();
    String apiVersion = SalesforceSimulatorContainer.DEFAULT_API_VERSION;
    SimulatorAdminClient admin =
        new SimulatorAdminClient(
            url,
            SalesforceSimulatorContainer.DEFAULT_CLIENT_ID,
            SalesforceSimulatorContainer.DEFAULT_CLIENT_SECRET,
            SalesforceSimulatorContainer.DEFAULT_USERNAME,
            SalesforceSimulatorContainer.DEFAULT_PASSWORD,
            apiVersion,
            null);
    // GET /__admin/orgs names the org but never its secrets: the credentials are the ones the
    // simulator was started with.
    OrgCredentials listed = admin.orgs().get(0);
    OrgCredentials defaultOrg =
        new OrgCredentials(
            listed.orgId(),
            SalesforceSimulatorContainer.DEFAULT_CLIENT_ID,
            SalesforceSimulatorContainer.DEFAULT_CLIENT_SECRET,
            SalesforceSimulatorContainer.DEFAULT_USERNAME,
            SalesforceSimulatorContainer.DEFAULT_PASSWORD,
            listed.instanceUrl());
    return new Shared(
        new StopOnce(simulator),
        new SalesforceSimulator(defaultOrg, apiVersion, admin),
        apiVersion);
  }

  private static Shared startContainer(String image, SalesforceSimulatorTest config) {
    SalesforceSimulatorContainer container =
        (image.isEmpty()
                ? new SalesforceSimulatorContainer()
                : new SalesforceSimulatorContainer(image))
            .withLatencyProfile(config.latencyProfile())
            .withReuse(true);
    for (String fixture : config.fixtures()) {
      container.withFixtures(fixture);
    }
    container.start();
    SimulatorAdminClient admin = container.getAdminClient();
    // Attached to a container a run before left (reuse mode): its default org holds that run's data
    // and clock.
    if (container.wasReused()) {
      admin.reset();
    }
    OrgCredentials defaultOrg = admin.orgs().get(0);
    OrgCredentials asSeen =
        new OrgCredentials(
            defaultOrg.orgId(),
            container.getClientId(),
            container.getClientSecret(),
            container.getUsername(),
            container.getPassword(),
            container.getInstanceUrl());
    AutoCloseable stop =
        () -> {
          boolean reused =
              container.isShouldBeReused()
                  && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
          if (!reused) {
            container.stop();
          }
        };
    return new Shared(
        new StopOnce(stop),
        new SalesforceSimulator(asSeen, container.getApiVersion(), admin),
        container.getApiVersion());
  }

  private static SalesforceSimulatorTest config(ExtensionContext context) {
    return findConfig(context)
        .orElseThrow(
            () -> new ExtensionConfigurationException("@SalesforceSimulatorTest is missing"));
  }

  /**
   * The innermost annotated class: the test class, then the classes enclosing a {@code @Nested}
   * one.
   */
  private static Optional<SalesforceSimulatorTest> findConfig(ExtensionContext context) {
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<SalesforceSimulatorTest> found =
          AnnotationSupport.findAnnotation(c, SalesforceSimulatorTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Closes its target once, however often it is asked to. */
  private static final class StopOnce implements AutoCloseable {
    private @Nullable AutoCloseable target;

    StopOnce(AutoCloseable target) {
      this.target = target;
    }

    @Override
    public synchronized void close() throws Exception {
      AutoCloseable closing = target;
      target = null;
      if (closing != null) {
        closing.close();
      }
    }
  }
}
