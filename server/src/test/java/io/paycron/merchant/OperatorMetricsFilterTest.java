package io.paycron.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.RuntimeMode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * In production the metrics need the admin token (a production server cannot start here without a
 * real gateway, so the filter is exercised on its own).
 */
class OperatorMetricsFilterTest {

  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  private static MockHttpServletResponse get(
      RuntimeMode mode, String path, String authorization, MockFilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    new OperatorMetricsFilter(mode, new AdminToken(TOKEN)).doFilter(request, response, chain);
    return response;
  }

  @Test
  void productionMetricsNeedTheAdminToken() throws Exception {
    for (String wrong : new String[] {null, "Bearer nope", TOKEN, "Bearer " + TOKEN + "x"}) {
      MockFilterChain chain = new MockFilterChain();
      MockHttpServletResponse response =
          get(RuntimeMode.PRODUCTION, "/actuator/prometheus", wrong, chain);
      assertThat(response.getStatus()).as(String.valueOf(wrong)).isEqualTo(401);
      assertThat(response.getContentAsString()).contains("\"code\":-1");
      assertThat(chain.getRequest()).as("passed on").isNull();
    }
    MockFilterChain chain = new MockFilterChain();
    get(RuntimeMode.PRODUCTION, "/actuator/prometheus", "Bearer " + TOKEN, chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void sandboxMetricsAndHealthArePublic() throws Exception {
    MockFilterChain sandbox = new MockFilterChain();
    get(RuntimeMode.SANDBOX, "/actuator/prometheus", null, sandbox);
    assertThat(sandbox.getRequest()).isNotNull();
    MockFilterChain health = new MockFilterChain();
    get(RuntimeMode.PRODUCTION, "/actuator/health", null, health);
    assertThat(health.getRequest()).isNotNull();
  }
}
