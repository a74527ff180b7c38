package io.paycron.bench;

import java.util.List;

/**
 * What one system did with N schedules due in the same second (or, for the steady load, spread over
 * consecutive seconds). Rates are per second; times are milliseconds; a rate that does not apply to
 * the system is {@code NaN}.
 *
 * @param executionsPerSecond N / (last execution − first due time); for the steady load at least
 *     the length of its window, so keeping up reads as the offered rate
 * @param ingestPerSecond N / wall time of loading them (Paycron: through the HTTP API)
 * @param deliveriesPerSecond N / (last webhook delivery − first)
 * @param drainMillis last execution − first due time
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
