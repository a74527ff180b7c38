package io.paycron.common;

import java.util.function.LongSupplier;

/**
 * A number read from the database at most once per {@code maxAgeMs}, however often it is asked for:
 * a gauge behind a COUNT must not cost a query per scrape when several Prometheus servers scrape
 * every node. Age is measured on the monotonic timer (a test's frozen clock would keep a reading
 * forever). A failed read keeps the last value and is tried again at the next scrape.
 */
public final class CachedReading {

  private final LongSupplier read;
  private final long maxAgeNanos;
  private long value;
  private long readAtNanos;
  private boolean fresh;

  public CachedReading(long maxAgeMs, LongSupplier read) {
    this.read = read;
    this.maxAgeNanos = maxAgeMs * 1_000_000;
  }

  /** The value, read again first when the last reading is older than the maximum age. */
  public synchronized double get() {
    long now = System.nanoTime();
    if (!fresh || now - readAtNanos >= maxAgeNanos) {
      try {
        value = read.getAsLong();
        readAtNanos = now;
        fresh = true;
      } catch (RuntimeException e) {
        return fresh ? value : Double.NaN; // the database is away: readiness says so
      }
    }
    return value;
  }
}
