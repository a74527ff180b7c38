package io.paycron.web;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Multiplies every property's tries by {@code -Dpaycron.fuzz.scale} (default 1), so the suite that
 * runs in {@code ./mvnw verify} at its reduced size runs at full size from one documented command,
 * with the same generators and checks.
 */
public class FuzzScale implements AroundPropertyHook {

  /** A hook on the class reaches its property methods only when it says so. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  static double scale() {
    return Double.parseDouble(System.getProperty("paycron.fuzz.scale", "1"));
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    context
        .attributes()
        .tries()
        .ifPresent(tries -> context.attributes().setTries((int) Math.ceil(tries * scale())));
    return property.execute();
  }
}
