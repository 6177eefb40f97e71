package dev.sfsim.simulator;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link WithSimulator}: resets the shared simulator's default org before each
 * test and resolves {@link TestOrg} parameters (a new handle each time, so a token never outlives
 * the test that fetched it).
 */
public final class SimulatorExtension implements BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean reset =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithSimulator.class)
            .map(WithSimulator::reset)
            .orElse(true);
    if (reset) {
      TestSimulator.reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestOrg.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new TestOrg(TestSimulator.baseUrl());
  }
}
