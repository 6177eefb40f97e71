package dev.sfsim.testcontainers.junit;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.admin.OrgCredentials;
import dev.sfsim.testcontainers.admin.SimulatorAdminClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.util.List;

/**
 * The extension behind {@link SalesforceSimulatorTest}: containers live in the root context's store (one per
 * configuration and JVM); each test gets the default org, reset, or its own new org. Containers are started with
 * {@code withReuse(true)}: with Testcontainers' reuse mode enabled they outlive the JVM and the next run attaches
 * to them, resetting the default org first.
 */
public final class SalesforceSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SalesforceSimulatorExtension.class);
    private static final String TEST_HANDLE = "handle";

    /** A started container, stopped when the root store closes (unless Testcontainers' reuse mode keeps it). */
    record Shared(SalesforceSimulatorContainer container, SalesforceSimulator defaultOrg) implements AutoCloseable {
        @Override
        public void close() {
            boolean reused = container.isShouldBeReused() && TestcontainersConfiguration.getInstance().environmentSupportsReuse();
            if (!reused) container.stop();
        }
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
            SimulatorAdminClient admin = shared.container().getAdminClient();
            OrgCredentials org = admin.createOrg();
            handle = new SalesforceSimulator(org, shared.container().getApiVersion(), admin.forOrg(org));
        } else if (config.resetBeforeEach()) {
            handle.admin().reset();
        }
        context.getStore(NAMESPACE).put(TEST_HANDLE, handle);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SalesforceSimulator handle = context.getStore(NAMESPACE).remove(TEST_HANDLE, SalesforceSimulator.class);
        if (handle != null && config(context).orgPerTest()) {
            shared(context).container().getAdminClient().deleteOrg(handle.getOrgId());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SalesforceSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SalesforceSimulator handle = context.getStore(NAMESPACE).get(TEST_HANDLE, SalesforceSimulator.class);
        return handle != null ? handle : shared(context).defaultOrg();
    }

    private static Shared shared(ExtensionContext context) {
        SalesforceSimulatorTest config = config(context);
        String image = !config.image().isEmpty() ? config.image() : System.getProperty("sfsim.image", "sfsim/simulator:latest");
        String key = image + "|" + String.join(",", config.fixtures()) + "|" + config.latencyProfile();
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key, k -> start(image, config), Shared.class);
    }

    private static Shared start(String image, SalesforceSimulatorTest config) {
        SalesforceSimulatorContainer container = new SalesforceSimulatorContainer(image)
                .withLatencyProfile(config.latencyProfile())
                .withReuse(true);
        for (String fixture : config.fixtures()) container.withFixtures(fixture);
        container.start();
        SimulatorAdminClient admin = container.getAdminClient();
        // Attached to a container a run before left (reuse mode): its default org holds that run's data and clock.
        if (container.wasReused()) admin.reset();
        OrgCredentials defaultOrg = admin.orgs().get(0);
        OrgCredentials asSeen = new OrgCredentials(defaultOrg.orgId(), container.getClientId(), container.getClientSecret(),
                container.getUsername(), container.getPassword(), container.getInstanceUrl());
        return new Shared(container, new SalesforceSimulator(asSeen, container.getApiVersion(), admin));
    }

    private static SalesforceSimulatorTest config(ExtensionContext context) {
        List<Class<?>> classes = context.getEnclosingTestClasses();
        for (int i = classes.size() - 1; i >= 0; i--) {
            var found = AnnotationSupport.findAnnotation(classes.get(i), SalesforceSimulatorTest.class);
            if (found.isPresent()) return found.get();
        }
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, SalesforceSimulatorTest.class))
                .orElseThrow(() -> new ExtensionConfigurationException("@SalesforceSimulatorTest is missing"));
    }
}
