package io.paycron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static Measurement measured(String system, double executionsPerSecond) {
    return new Measurement(
        system,
        1,
        1000,
        executionsPerSecond,
        Double.NaN,
        Double.NaN,
        2000,
        new Measurement.Lag(500, 990, 1000),
        64L << 20,
        List.of(new long[] {0, 0}, new long[] {2000, 1000}));
  }

  @Test
  void showsBothRatiosAndMarksEachTarget() {
    String table =
        ResultTable.comparison(
            measured("Paycron", 6000), measured("db-scheduler", 3000), measured("raw SQL", 20000));

    assertThat(table)
        .contains("| executions/s | 6,000/s | 3,000/s | 20,000/s | 2.00× | 0.30× |")
        .contains("≥ 5,000/s **met**")
        .contains("≥ 1.5× db-scheduler **met**")
        .contains("≥ 0.5× ceiling **missed**")
        .contains("| p99 lag (due → attempt) | 0.99 s |");
  }

  @Test
  void withoutReferencesTheRatiosAreNotMeasured() {
    String table = ResultTable.comparison(measured("Paycron", 6000), null, null);

    assertThat(table).contains("≥ 1.5× db-scheduler not measured").contains("| — | — |");
  }

  @Test
  void steadyLoadIsJudgedOnItsP99Lag() {
    Measurement keptUp =
        new Measurement(
            "Paycron",
            1,
            500,
            100,
            1,
            100,
            5400,
            new Measurement.Lag(300, 700, 800),
            1,
            List.<long[]>of(new long[] {0, 0}));

    assertThat(ResultTable.steady(keptUp, 100, 5))
        .contains("| offered load (due per second × seconds) | 100/s × 5 s = 500 |")
        .contains("| executions/s achieved | 100/s |")
        .contains("| p99 lag (due → attempt) | 0.70 s | ≤ 1 s below capacity **met** |")
        .contains("p99 lag ≤ 1 s below capacity: **met**")
        .doesNotContain("above capacity here");
  }

  @Test
  void aSteadyRateThatWasNotKeptUpIsCalledAboveCapacity() {
    Measurement behind =
        new Measurement(
            "Paycron",
            1,
            5000,
            500,
            1,
            500,
            10_000,
            new Measurement.Lag(2500, 4900, 5000),
            1,
            List.<long[]>of(new long[] {0, 0}));

    assertThat(ResultTable.steady(behind, 1000, 5))
        .contains("p99 lag ≤ 1 s below capacity: **missed**")
        .contains("500/s is below the 1,000/s offered, so this rate is above capacity here");
  }

  @Test
  void sqliteMeetsItsTargetAtOneThousandPerSecond() {
    String table = ResultTable.sqlite(measured("Paycron", 1000));

    assertThat(table)
        .contains("| executions/s | 1,000/s | ≥ 1,000/s on one node **met** |")
        .contains("| p99 lag (due → attempt) | 0.99 s |  |")
        .contains(
            "Embedded SQLite: ≥ 1,000 executions/s on one node: **met** (1,000/s with 1,000"
                + " schedules due in one second).")
        .doesNotContain("db-scheduler")
        .doesNotContain("ceiling");
  }

  @Test
  void sqliteBelowOneThousandPerSecondMissesItsTarget() {
    String table = ResultTable.sqlite(measured("Paycron", 999.4));

    assertThat(table)
        .contains("≥ 1,000/s on one node **missed**")
        .contains("Embedded SQLite: ≥ 1,000 executions/s on one node: **missed** (999/s");
  }

  @Test
  void scalingIsRelativeToTheFirstRow() {
    Measurement one = measured("Paycron", 1000);
    Measurement two =
        new Measurement(
            "Paycron", 2, 1000, 1500, 1, 1, 1, one.lag(), 1, List.<long[]>of(new long[] {0, 0}));

    assertThat(ResultTable.scaling(List.of(one, two))).contains("| 2 | 1,500/s | 1.50× |");
  }
}
