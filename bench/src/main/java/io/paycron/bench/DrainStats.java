package io.paycron.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rows a drain left behind into its numbers. Everything is read from the database
 * afterwards (epoch-millisecond columns), so measuring adds no work while the system drains.
 */
final class DrainStats {

  /** Width of one step of the executed-over-time curve. */
  static final long BUCKET_MILLIS = 250;

  private DrainStats() {}

  /**
   * {@code lagSql} returns one row: p50, p99, max of (attempt − due) in milliseconds. {@code
   * seriesSql} takes the due time in ms and returns (bucket, executed in it) rows, bucket being
   * (execution time − due) / {@link #BUCKET_MILLIS}.
   */
  static Measurement.Lag lag(BenchDatabase db, String schema, String lagSql, Object... params) {
    List<long[]> rows = db.queryRows(schema, lagSql, params);
    long[] row = rows.isEmpty() ? new long[3] : rows.get(0);
    return new Measurement.Lag(row[0], row[1], row[2]);
  }

  /** Cumulative (ms since due, executed) points, starting at (0, 0). */
  static List<long[]> executedOverTime(
      BenchDatabase db, String schema, String seriesSql, long due) {
    List<long[]> points = new ArrayList<>();
    points.add(new long[] {0, 0});
    long total = 0;
    for (long[] row : db.queryRows(schema, seriesSql, due, BUCKET_MILLIS)) {
      total += row[1];
      points.add(new long[] {(row[0] + 1) * BUCKET_MILLIS, total});
    }
    return points;
  }

  /** Per second, guarding the (impossible in practice) zero-length interval. */
  static double perSecond(long count, long millis) {
    return millis <= 0 ? Double.NaN : count * 1000.0 / millis;
  }

  /** The due second for {@code count} items loaded at {@code ratePerSecond}, with a margin. */
  static long dueSecond(int count, double ratePerSecond) {
    long loadMillis = (long) (count / Math.max(ratePerSecond, 1.0) * 1000 * 1.25);
    long due = System.currentTimeMillis() + loadMillis + 5_000;
    return (due + 999) / 1000;
  }

  /** Sleeps until the wall clock reaches {@code epochMillis}. */
  static void sleepUntil(long epochMillis) {
    long wait;
    while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
      try {
        Thread.sleep(Math.min(wait, 200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
