package com.example.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChargeTimesTest {

  private static final Instant DUE = Instant.parse("2025-07-01T00:00:00Z");

  @Test
  void theNextPeriodCountsFromWhenThisOneWasDueNotFromWhenItWasPaid() {
    Instant paidLate = DUE.plus(Duration.ofHours(5)).plusMillis(300);
    assertThat(ChargeTimes.nextPeriod(DUE, Duration.ofDays(30), paidLate))
        .isEqualTo(Instant.parse("2025-07-31T00:00:00Z"));
    assertThat(ChargeTimes.nextPeriod(DUE, Duration.ofSeconds(3), DUE.plusMillis(150)))
        .isEqualTo(DUE.plusSeconds(3));
  }

  @Test
  void aDueTimeAlreadyPastBecomesTheEarliestTimePaycronAccepts() {
    Instant now = DUE.plus(Duration.ofDays(45)).plusMillis(900);
    Instant next = ChargeTimes.nextPeriod(DUE, Duration.ofDays(30), now);
    assertThat(next).isEqualTo(DUE.plus(Duration.ofDays(45)).plusSeconds(2));
    assertThat(next).isAfter(now.plusSeconds(1));
  }

  @Test
  void aRetryIsDueTheDelayAfterTheDeclineInWholeSeconds() {
    Instant now = DUE.plusMillis(400);
    assertThat(ChargeTimes.retryAt(Duration.ofDays(1), now))
        .isEqualTo(DUE.plus(Duration.ofDays(1)));
    assertThat(ChargeTimes.retryAt(Duration.ZERO, now)).isEqualTo(DUE.plusSeconds(2));
  }

  @Test
  void timesGoOutInWholeSecondsAndAlwaysMoreThanASecondAhead() {
    for (long millis = 0; millis < 3000; millis += 7) {
      Instant now = DUE.plusMillis(millis);
      Instant at = ChargeTimes.notBefore(now, now);
      assertThat(at.getNano()).isZero();
      assertThat(at).isAfter(now.plusSeconds(1));
    }
  }
}
