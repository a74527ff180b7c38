package io.paycron.webhook;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential steps with ±20% jitter, for a little over three
 * days in all; after the last step the delivery is failed and kept for replay.
 */
public final class RetryPolicy {

  /**
   * The wait after attempt n (1-based): 16 steps adding up to about 100 hours, so that even with
   * the shortest jitter (-20%) retries go on for more than three days.
   */
  static final List<Duration> STEPS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8),
          Duration.ofHours(12),
          Duration.ofHours(12),
          Duration.ofHours(12),
          Duration.ofHours(12),
          Duration.ofHours(12),
          Duration.ofHours(12),
          Duration.ofHours(12));

  private RetryPolicy() {}

  /** The delay before the next attempt, or null when {@code attemptsMade} were the last. */
  public static Duration delayAfter(int attemptsMade, DoubleSupplier random) {
    if (attemptsMade < 1 || attemptsMade > STEPS.size()) {
      return null;
    }
    Duration step = STEPS.get(attemptsMade - 1);
    double jitter = 0.8 + 0.4 * random.getAsDouble();
    return Duration.ofMillis(Math.round(step.toMillis() * jitter));
  }

  public static int maxAttempts() {
    return STEPS.size() + 1;
  }
}
