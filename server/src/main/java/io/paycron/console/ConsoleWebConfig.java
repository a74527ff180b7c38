package io.paycron.console;

import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's session: a cookie of its own, only sent to /console, HttpOnly and SameSite=Strict
 * (never a session id in a URL). The JSON API never opens a session.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

  static final String SESSION_COOKIE = "paycron_console";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ConsoleInterceptor()).addPathPatterns("/console", "/console/**");
  }

  @Bean
  ServletContextInitializer consoleSessionCookie() {
    return context -> {
      context.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
      context.getSessionCookieConfig().setName(SESSION_COOKIE);
      context.getSessionCookieConfig().setPath("/console");
      context.getSessionCookieConfig().setHttpOnly(true);
    };
  }

  @Bean
  CookieSameSiteSupplier consoleCookieSameSite() {
    return CookieSameSiteSupplier.ofStrict().whenHasName(SESSION_COOKIE);
  }
}
