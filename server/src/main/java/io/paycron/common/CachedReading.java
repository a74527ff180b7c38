package io.paycron.common;

import java.util.function.LongSupplier;

/**
 * A number read from the database at most once per {@code maxAgeMs}, however often it is asked for:
 * a gauge behind a COUNT must not cost a query per scrape when several Prometheus servers scrape
 * every node. It is read in the background and never holds a scrape up for long: see {@link
 * BackgroundReading}. NaN until the first read succeeds.
 */
public final class CachedReading {

  /** How long a scrape waits for a read under way before it answers the last value. */
  public static final long WAIT_MS = 1_000;

  private final BackgroundReading<Long> reading;

  public CachedReading(long maxAgeMs, LongSupplier read) {
    this.reading = new BackgroundReading<>("gauge", maxAgeMs, WAIT_MS, read::getAsLong);
  }

  /** The last value read, a fresh one if it can be had within {@link #WAIT_MS}. */
  public double get() {
    Long value = reading.get();
    return value == null ? Double.NaN : value;
  }
}
