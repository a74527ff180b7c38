package io.paycron.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds the access token and renews it a minute before it expires. One fetch at a time: threads
 * that need a token while another fetches it wait for that fetch instead of starting their own.
 */
final class TokenCache {

  static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);

  private final Supplier<AccessToken> fetch;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Held held;

  private record Held(AccessToken token, Instant renewAt) {}

  TokenCache(Supplier<AccessToken> fetch, Clock clock) {
    this.fetch = fetch;
    this.clock = clock;
  }

  AccessToken current() {
    Held now = held;
    if (isFresh(now)) {
      return now.token();
    }
    lock.lock();
    try {
      return isFresh(held) ? held.token() : renew();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The server refused {@code rejected}: fetch a new token, unless another thread already replaced
   * it (then many concurrent 401s cost one getToken, not one each).
   */
  AccessToken afterRejection(String rejected) {
    lock.lock();
    try {
      Held now = held;
      if (isFresh(now) && !now.token().accessToken().equals(rejected)) {
        return now.token();
      }
      return renew();
    } finally {
      lock.unlock();
    }
  }

  private AccessToken renew() {
    Instant asked = clock.instant();
    AccessToken token = fetch.get();
    held = new Held(token, renewAt(token, asked));
    return token;
  }

  /**
   * Uses the token's lifetime by the server's clock ({@code expired_at - now}) from when we asked,
   * so a client clock that is off by minutes neither keeps a dead token nor refetches every call.
   */
  private static Instant renewAt(AccessToken token, Instant asked) {
    Instant expires =
        token.now() != null && token.expiredAt() != null
            ? asked.plus(Duration.between(token.now(), token.expiredAt()))
            : token.expiredAt();
    return expires == null ? asked : expires.minus(REFRESH_MARGIN);
  }

  private boolean isFresh(Held candidate) {
    return candidate != null && clock.instant().isBefore(candidate.renewAt());
  }
}
