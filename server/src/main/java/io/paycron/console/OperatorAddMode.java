package io.paycron.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * {@code ./paycron operator add <name>} only creates an operator: none of the background loops
 * (schedule executor, webhook dispatcher, reconciler, subscription and statistics loops) may start
 * while it waits for the password, or it would be one more node charging cards and sending
 * webhooks. Replacing the context's lifecycle processor with one that starts nothing stops them all
 * at once, including loops added later.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("paycron.console.add-operator")
class OperatorAddMode {

  @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
  static LifecycleProcessor startNothing() {
    return new LifecycleProcessor() {
      @Override
      public void onRefresh() {}

      @Override
      public void onClose() {}

      @Override
      public void start() {}

      @Override
      public void stop() {}

      @Override
      public boolean isRunning() {
        return false;
      }
    };
  }
}
