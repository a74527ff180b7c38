package io.paycron.merchant;

import io.paycron.PaycronProperties;
import io.paycron.RuntimeMode;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards the merchant API with tokens and hands controllers the authenticated {@link Merchant}; the
 * admin API has its own token.
 */
@Configuration(proxyBeanMethods = false)
class MerchantWebConfig implements WebMvcConfigurer {

  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final PaycronProperties properties;

  MerchantWebConfig(TokenService tokens, LoginThrottle throttle, PaycronProperties properties) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.properties = properties;
  }

  @Bean
  FilterRegistrationBean<OperatorMetricsFilter> operatorMetricsFilter(RuntimeMode mode) {
    FilterRegistrationBean<OperatorMetricsFilter> registration =
        new FilterRegistrationBean<>(
            new OperatorMetricsFilter(mode, new AdminToken(properties.adminToken())));
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AuthInterceptor(tokens))
        .addPathPatterns("/**")
        .excludePathPatterns(
            "/users/getToken",
            "/error",
            "/actuator/**",
            "/paycron/admin/**",
            // the API documentation is public (API.md §12)
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/swagger-ui.html",
            "/swagger-ui/**",
            // the console has its own login (console.ConsoleInterceptor)
            "/console",
            "/console/**");
    registry
        .addInterceptor(new AdminAuthInterceptor(new AdminToken(properties.adminToken()), throttle))
        .addPathPatterns("/paycron/admin/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Merchant.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binderFactory) {
            return request.getAttribute(
                AuthInterceptor.MERCHANT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
          }
        });
  }
}
