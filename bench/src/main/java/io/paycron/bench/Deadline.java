package io.paycron.bench;

import java.time.Duration;

/** Bounds a phase: a benchmark that hangs must end with a message, not run forever. */
final class Deadline {

  private final String phase;
  private final long endNanos;
  private final Duration limit;

  private Deadline(String phase, Duration limit) {
    this.phase = phase;
    this.limit = limit;
    this.endNanos = System.nanoTime() + limit.toNanos();
  }

  static Deadline of(String phase, int minutes) {
    return of(phase, Duration.ofMinutes(minutes));
  }

  static Deadline of(String phase, Duration limit) {
    return new Deadline(phase, limit);
  }

  /** Throws when the phase has run out of time; {@code state} says how far it got. */
  void check(String state) {
    if (System.nanoTime() > endNanos) {
      throw new PhaseTimedOut(
          phase + " did not finish within " + limit.toMinutes() + " minutes (" + state + ")");
    }
  }

  static final class PhaseTimedOut extends RuntimeException {
    PhaseTimedOut(String message) {
      super(message);
    }
  }
}
