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
   * p50, p99 and max of the lags {@code lagsSql} returns, one row per item with its (attempt − due)
   * in milliseconds as the column {@code lag_ms}. The percentiles are {@code percentile_disc}'s
   * picks, taken with {@code ORDER BY … LIMIT 1 OFFSET}, so PostgreSQL and SQLite (which has no
   * ordered-set aggregates) run the same SQL and give the same numbers for the same rows.
   */
  static Measurement.Lag lag(SqlRunner sql, String lagsSql) {
    long[] countAndMax =
        sql.queryRows("SELECT count(*), max(lag_ms) FROM (" + lagsSql + ") lags").get(0);
    long count = countAndMax[0];
    if (count == 0) {
      return new Measurement.Lag(0, 0, 0);
    }
    String pick = "SELECT lag_ms FROM (" + lagsSql + ") lags ORDER BY lag_ms LIMIT 1 OFFSET ?";
    return new Measurement.Lag(
        sql.queryLong(pick, percentileOffset(0.5, count)),
        sql.queryLong(pick, percentileOffset(0.99, count)),
        countAndMax[1]);
  }

  /**
   * Where {@code percentile_disc(fraction)} picks among {@code count} sorted values, from 0: the
   * first whose position (from 1) over {@code count} reaches {@code fraction}; the same double
   * arithmetic as PostgreSQL's, so the pick is the same.
   */
  static long percentileOffset(double fraction, long count) {
    return Math.max(0, (long) Math.ceil(fraction * count) - 1);
  }

  /**
   * Cumulative (ms since due, executed) points, starting at (0, 0). {@code seriesSql} takes the due
   * time in ms and the bucket width and returns (bucket, executed in it) rows, bucket being
   * (execution time − due) / {@link #BUCKET_MILLIS}.
   */
  static List<long[]> executedOverTime(SqlRunner sql, String seriesSql, long due) {
    List<long[]> points = new ArrayList<>();
    points.add(new long[] {0, 0});
    long total = 0;
    for (long[] row : sql.queryRows(seriesSql, due, BUCKET_MILLIS)) {
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
