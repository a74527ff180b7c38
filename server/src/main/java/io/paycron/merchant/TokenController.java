package io.paycron.merchant;

import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TokenController {

  private final TokenService tokens;
  private final ApiRequests requests;
  private final LoginThrottle throttle;

  TokenController(TokenService tokens, ApiRequests requests, LoginThrottle throttle) {
    this.tokens = tokens;
    this.requests = requests;
    this.throttle = throttle;
  }

  @PostMapping("/users/getToken")
  Envelope<TokenResponse> getToken(HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    String key = request.string("imp_key").orElse("");
    String secret = request.string("imp_secret").orElse("");
    if (key.isBlank() || secret.isBlank()) {
      throw new ApiException.InvalidRequest("imp_key, imp_secret 파라메터가 누락되었습니다.");
    }
    String address = http.getRemoteAddr();
    throttle
        .blockedFor(key, address)
        .ifPresent(
            seconds -> {
              throw new ApiException.TooManyRequests(
                  "too many failed getToken attempts for this imp_key or from this address;"
                      + " retry after "
                      + seconds
                      + " seconds",
                  seconds);
            });
    try {
      return Envelope.ok(tokens.issue(key, secret));
    } catch (ApiException.Unauthorized e) {
      throttle.failed(key, address);
      throw e;
    }
  }
}
