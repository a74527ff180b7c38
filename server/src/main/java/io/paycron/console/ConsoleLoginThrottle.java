package io.paycron.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on the console. Each login attempt takes a try before the password
 * is checked (so concurrent attempts cannot all slip past the count): at most {@link #MAX_FAILURES}
 * for one operator name from one address, and {@link #MAX_ADDRESS_FAILURES} for one address over
 * all names, within {@link #WINDOW}; further attempts are refused until the window has passed. A
 * successful login gives its tries back. Keyed on the address and the name together, so wrong
 * passwords from one address do not lock the operator out of another (behind a reverse proxy the
 * address is the client's only with {@code server.forward-headers-strategy}: docs/console.md).
 * Counts use the server's clock.
 */
@Component
class ConsoleLoginThrottle {

  static final int MAX_FAILURES = 10;
  static final int MAX_ADDRESS_FAILURES = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private record Tries(long windowStart, int count) {}

  private final Clock clock;
  private final Cache<String, Tries> tries =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  ConsoleLoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes one try for {@code username} from {@code address}; false when the tries are used up (then
   * the password must not be checked).
   */
  boolean tryAcquire(String username, String address) {
    return take(pairKey(username, address), MAX_FAILURES)
        && take("address:" + address, MAX_ADDRESS_FAILURES);
  }

  /** The right password: the try was no guess, and the name's count from there starts again. */
  void succeeded(String username, String address) {
    tries.invalidate(pairKey(username, address));
    tries
        .asMap()
        .computeIfPresent(
            "address:" + address,
            (k, t) -> t.count() <= 1 ? null : new Tries(t.windowStart(), t.count() - 1));
  }

  /** Counts the try atomically and answers whether it is still within {@code limit}. */
  private boolean take(String key, int limit) {
    Tries counted =
        tries
            .asMap()
            .compute(
                key,
                (k, t) ->
                    t == null || !current(t)
                        ? new Tries(clock.millis(), 1)
                        : new Tries(t.windowStart(), t.count() + 1));
    return counted.count() <= limit;
  }

  private boolean current(Tries t) {
    return clock.millis() - t.windowStart() < WINDOW.toMillis();
  }

  private static String pairKey(String username, String address) {
    String name = username == null ? "" : username;
    return "user:" + (name.length() > 64 ? name.substring(0, 64) : name) + "|" + address;
  }
}
