package io.paycron.bench;

import java.util.List;

/**
 * What one system did with N schedules due in the same second. Rates are per second; times are
 * milliseconds; a rate that does not apply to the system is {@code NaN}.
 *
 * @param executionsPerSecond N / (last execution − due time)
 * @param ingestPerSecond N / wall time of loading them (Paycron: through the HTTP API)
 * @param deliveriesPerSecond N / (last webhook delivery − first)
 * @param drainMillis last execution − due time
 * @param executedOverTime (milliseconds since due, executed so far) points for the plot
 */
record Measurement(
    String system,
    int nodes,
    int schedules,
    double executionsPerSecond,
    double ingestPerSecond,
    double deliveriesPerSecond,
    long drainMillis,
    Lag lag,
    long peakHeapBytes,
    List<long[]> executedOverTime) {

  /** Due time to attempt, over every schedule. */
  record Lag(long p50Millis, long p99Millis, long maxMillis) {}
}
