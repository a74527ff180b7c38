package io.paycron.clock;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one clock all time comes from: the system clock, or the one a test registers as {@code
 * baseClock}, scoped so that test clocks' work runs in their own time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

  @Bean
  @Primary
  ScopedClock clock(@Qualifier("baseClock") ObjectProvider<Clock> base) {
    return new ScopedClock(base.getIfAvailable(Clock::systemUTC));
  }
}
