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

  TokenController(TokenService tokens, ApiRequests requests) {
    this.tokens = tokens;
    this.requests = requests;
  }

  @PostMapping("/users/getToken")
  Envelope<TokenResponse> getToken(HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    String key = request.string("imp_key").orElse("");
    String secret = request.string("imp_secret").orElse("");
    if (key.isBlank() || secret.isBlank()) {
      throw new ApiException.InvalidRequest("imp_key, imp_secret 파라메터가 누락되었습니다.");
    }
    return Envelope.ok(tokens.issue(key, secret));
  }
}
