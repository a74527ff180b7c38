package io.paycron.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on the console: after {@link #MAX_FAILURES} failed logins from one
 * address, or for one operator name, within {@link #WINDOW}, further attempts are refused until the
 * window has passed (right or wrong password). Counts use the server's clock.
 */
@Component
class ConsoleLoginThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private record Failures(long windowStart, int count) {}

  private final Clock clock;
  private final Cache<String, Failures> failures =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  ConsoleLoginThrottle(Clock clock) {
    this.clock = clock;
  }

  boolean blocked(String username, String address) {
    return exhausted("address:" + address) || exhausted("user:" + shorten(username));
  }

  void failed(String username, String address) {
    count("address:" + address);
    count("user:" + shorten(username));
  }

  private boolean exhausted(String key) {
    Failures f = failures.getIfPresent(key);
    return f != null && current(f) && f.count() >= MAX_FAILURES;
  }

  private void count(String key) {
    failures
        .asMap()
        .compute(
            key,
            (k, f) ->
                f == null || !current(f)
                    ? new Failures(clock.millis(), 1)
                    : new Failures(f.windowStart(), f.count() + 1));
  }

  private boolean current(Failures f) {
    return clock.millis() - f.windowStart() < WINDOW.toMillis();
  }

  private static String shorten(String username) {
    String name = username == null ? "" : username;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
