package io.paycron.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so nothing waits on wall time. {@link #ticking()} makes one that
 * follows the wall clock instead (plus whatever it was advanced by), for tests where a program that
 * reads the system clock itself, such as the example merchant app, schedules on the server.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now; // frozen: the time shown
  private final AtomicReference<Duration> ahead; // ticking: how far ahead of the wall clock
  private final boolean ticking;

  /** A frozen clock: it shows {@code start} until advanced. */
  public MutableClock(Instant start) {
    this(start, false);
  }

  private MutableClock(Instant start, boolean ticking) {
    this.now = new AtomicReference<>(start);
    this.ahead = new AtomicReference<>(Duration.ZERO);
    this.ticking = ticking;
  }

  /** A clock that shows the wall clock's time; {@link #advance} moves it ahead of it. */
  public static MutableClock ticking() {
    return new MutableClock(null, true);
  }

  public boolean isTicking() {
    return ticking;
  }

  public void advance(Duration duration) {
    if (ticking) {
      ahead.updateAndGet(offset -> offset.plus(duration));
    } else {
      now.updateAndGet(instant -> instant.plus(duration));
    }
  }

  @Override
  public Instant instant() {
    return ticking ? Instant.now().plus(ahead.get()) : now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return ticking ? Clock.offset(Clock.system(zone), ahead.get()) : Clock.fixed(now.get(), zone);
  }
}
