package io.paycron.merchant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.paycron.PaycronProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of imp_secret: failed getToken attempts are counted per imp_key and per
 * client address (resilience4j rate limiters, one per key and per address, kept in a bounded
 * cache); a key or address that used up its attempts is refused until its period has passed, right
 * or wrong secret. The limiters read the server's clock, so tests move time instead of sleeping.
 */
@Component
class LoginThrottle {

  private static final int MAX_KEY = 64;

  private final RateLimiterConfig perKey;
  private final RateLimiterConfig perAddress;
  private final Clock clock;
  private final Cache<String, AtomicRateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(30)).build();

  LoginThrottle(PaycronProperties properties, Clock clock) {
    PaycronProperties.LoginLimit limit = properties.loginLimit();
    this.perKey = config(limit.perKey(), limit.period());
    this.perAddress = config(limit.perAddress(), limit.period());
    this.clock = clock;
  }

  private static RateLimiterConfig config(int attempts, Duration period) {
    return RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, attempts))
        .limitRefreshPeriod(period)
        .timeoutDuration(Duration.ZERO)
        .build();
  }

  /** Seconds to wait when the key or the address has no attempt left; empty when it may try. */
  OptionalLong blockedFor(String impKey, String address) {
    return seconds(Math.max(waitNanos(keyName(impKey)), waitNanos("address:" + address)));
  }

  /** Counts a failed attempt against the key and the address. */
  void failed(String impKey, String address) {
    limiter(keyName(impKey), perKey).acquirePermission(1);
    limiter("address:" + address, perAddress).acquirePermission(1);
  }

  /**
   * Seconds a client address must wait after too many wrong admin tokens (counted apart from
   * getToken's failures, with the per-address limit); empty when it may try.
   */
  OptionalLong adminBlockedFor(String address) {
    return seconds(waitNanos("admin:" + address));
  }

  /** Counts a wrong admin token from the address. */
  void adminFailedFrom(String address) {
    limiter("admin:" + address, perAddress).acquirePermission(1);
  }

  private static OptionalLong seconds(long nanos) {
    return nanos <= 0
        ? OptionalLong.empty()
        : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
  }

  /**
   * A guessed imp_key may be up to a request body long: the cache keeps a bounded prefix (real keys
   * are far shorter), so 100,000 entries stay a few megabytes.
   */
  private static String keyName(String impKey) {
    return "key:" + (impKey.length() > MAX_KEY ? impKey.substring(0, MAX_KEY) : impKey);
  }

  private long waitNanos(String name) {
    AtomicRateLimiter limiter = limiters.getIfPresent(name);
    if (limiter == null || limiter.getDetailedMetrics().getAvailablePermissions() > 0) {
      return 0;
    }
    return Math.max(1, limiter.getDetailedMetrics().getNanosToWait());
  }

  private AtomicRateLimiter limiter(String name, RateLimiterConfig config) {
    return limiters.get(
        name,
        n -> new AtomicRateLimiter(n, config, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis())));
  }
}
