package io.paycron.bench;

import java.util.Locale;

/** One progress line per second while a system drains, with the rate over the last second. */
final class Progress {

  private final String system;
  private final String verb;
  private final int total;
  private long lastExecuted;
  private long lastNanos = System.nanoTime();
  private long lastPrintNanos;

  Progress(String system, int total) {
    this(system, "executed", total);
  }

  /** {@code verb} names what {@link #report}'s first count counts ("executed", "delivered"). */
  Progress(String system, String verb, int total) {
    this.system = system;
    this.verb = verb;
    this.total = total;
  }

  /** Prints when a second has passed since the last line; {@code delivered} < 0 hides it. */
  void report(long executed, long delivered) {
    if (lastPrintNanos == 0) {
      lastExecuted = executed; // the first line's rate starts here, not at zero
    }
    long now = System.nanoTime();
    if (now - lastPrintNanos < 1_000_000_000L) {
      return;
    }
    double seconds = (now - lastNanos) / 1e9;
    double rate = seconds > 0 ? (executed - lastExecuted) / seconds : 0;
    lastExecuted = executed;
    lastNanos = now;
    lastPrintNanos = now;
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT, "  %-12s %s %,d/%,d (%,.0f/s)", system, verb, executed, total, rate));
    if (delivered >= 0) {
      line.append(String.format(Locale.ROOT, " delivered %,d", delivered));
    }
    System.out.println(line);
  }

  static void phase(String message) {
    System.out.println("bench: " + message);
  }
}
