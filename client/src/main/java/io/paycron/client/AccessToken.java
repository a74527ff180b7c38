package io.paycron.client;

import java.time.Instant;

/**
 * The answer of {@code POST /users/getToken}.
 *
 * @param now the server's time when it answered
 * @param expiredAt when the token stops working, by the server's clock
 */
public record AccessToken(String accessToken, Instant now, Instant expiredAt) {

  @Override
  public String toString() {
    return "AccessToken[expiredAt=" + expiredAt + "]";
  }
}
