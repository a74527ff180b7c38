package io.paycron.clock;

import java.util.OptionalLong;

/**
 * Work that waits on a test clock's time instead of the wall's (due schedules, subscriptions ending
 * at period end). Advancing a clock runs it in time order, each step with the clock showing the
 * step's time.
 */
public interface TestClockWork {

  /** The earliest time, at most {@code upTo}, at which something on this clock is due. */
  OptionalLong nextDue(String merchantId, String testClockId, long upTo);

  /** Runs what is due at or before {@code now}; returns how many things it ran. */
  int runDue(String merchantId, String testClockId, long now);
}
