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
  void scalingIsRelativeToTheFirstRow() {
    Measurement one = measured("Paycron", 1000);
    Measurement two =
        new Measurement(
            "Paycron", 2, 1000, 1500, 1, 1, 1, one.lag(), 1, List.<long[]>of(new long[] {0, 0}));

    assertThat(ResultTable.scaling(List.of(one, two))).contains("| 2 | 1,500/s | 1.50× |");
  }
}
