package io.paycron;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class RuntimeModeConfig {

  @Bean
  RuntimeMode runtimeMode(Environment environment) {
    return environment.acceptsProfiles(Profiles.of("production"))
        ? RuntimeMode.PRODUCTION
        : RuntimeMode.SANDBOX;
  }
}
