package io.paycron.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The one clock of the server: the base clock (the system's, or a test's), except on a thread that
 * is running a test clock's work, which sees that clock's time. So everything a test clock's
 * customers cause (schedule_at, executed_at, paid_at, events, the next period) is recorded in clock
 * time without each feature knowing about test clocks.
 */
public final class ScopedClock extends Clock {

  private final Clock base;
  private final ThreadLocal<Instant> frozen = new ThreadLocal<>();

  public ScopedClock(Clock base) {
    this.base = base;
  }

  /** Runs {@code work} on this thread with the clock showing {@code instant}. */
  public <T> T at(Instant instant, Supplier<T> work) {
    Instant outer = frozen.get();
    frozen.set(instant);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        frozen.remove();
      } else {
        frozen.set(outer);
      }
    }
  }

  /** The base clock's time, even inside {@link #at}: for leases and timeouts, which are real. */
  public Instant wallInstant() {
    return base.instant();
  }

  /**
   * The server's own time from any clock: a scoped one's base time, else the clock's. For what
   * other nodes compare with the wall (leases, retry times, reconciliation ages).
   */
  public static long wallMillis(Clock clock) {
    return clock instanceof ScopedClock scoped
        ? scoped.wallInstant().toEpochMilli()
        : clock.millis();
  }

  @Override
  public Instant instant() {
    Instant instant = frozen.get();
    return instant != null ? instant : base.instant();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /** The same time, scoped as this clock is, seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    ScopedClock scoped = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return scoped.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return scoped.withZone(other);
      }
    };
  }
}
