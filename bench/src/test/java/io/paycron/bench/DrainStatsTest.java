package io.paycron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainStatsTest {

  @Test
  void percentilesPickWhatPercentileDiscPicks() {
    // PostgreSQL: percentile_disc(0.5) of 1, 2, 3, 4 is 2; of 1..5 is 3
    assertThat(DrainStats.percentileOffset(0.5, 4)).isEqualTo(1);
    assertThat(DrainStats.percentileOffset(0.5, 5)).isEqualTo(2);
    // of 100 values the 99th; of 1,000 the 990th; of 3,000 the 2,970th
    assertThat(DrainStats.percentileOffset(0.99, 100)).isEqualTo(98);
    assertThat(DrainStats.percentileOffset(0.99, 1000)).isEqualTo(989);
    assertThat(DrainStats.percentileOffset(0.99, 3000)).isEqualTo(2969);
    // one value is every percentile
    assertThat(DrainStats.percentileOffset(0.99, 1)).isZero();
    assertThat(DrainStats.percentileOffset(0.5, 1)).isZero();
  }
}
