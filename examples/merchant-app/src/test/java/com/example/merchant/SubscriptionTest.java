package com.example.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final Instant FIRST = Instant.parse("2025-07-01T09:00:00Z");
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration DAY = Duration.ofDays(1);

  private static Subscription started() {
    return Subscription.start("gildong", new BigDecimal("8900"), "Monthly", FIRST.plusMillis(700));
  }

  @Test
  void startsWithPeriodOneDueAtTheFirstChargeInWholeSeconds() {
    Subscription s = started();
    assertThat(s.nextMerchantUid()).isEqualTo("gildong_0001");
    assertThat(s.nextChargeAt()).isEqualTo(FIRST);
    assertThat(s.awaits("gildong_0001")).isTrue();
    assertThat(s.awaits("gildong_0002")).isFalse();
  }

  @Test
  void eachPaidPeriodSchedulesTheNextOneIntervalAfterTheLastWasDue() {
    Subscription s = started();
    for (int month = 2; month <= 4; month++) {
      s = s.paid(MONTH, s.nextChargeAt().plusSeconds(1));
      assertThat(s.nextMerchantUid()).isEqualTo(String.format("gildong_%04d", month));
      assertThat(s.nextChargeAt()).isEqualTo(FIRST.plus(MONTH.multipliedBy(month - 1)));
      assertThat(s.retries()).isZero();
    }
  }

  @Test
  void aDeclineSchedulesRetriesAndAPaidRetryKeepsTheBillingDay() {
    Instant declinedAt = FIRST.plusSeconds(1);
    Subscription retry1 = started().declined(DAY, 3, declinedAt, "insufficient funds");
    assertThat(retry1.nextMerchantUid()).isEqualTo("gildong_0001_retry1");
    assertThat(retry1.nextChargeAt()).isEqualTo(declinedAt.plus(DAY));
    assertThat(retry1.awaits("gildong_0001")).isFalse();

    Subscription retry2 = retry1.declined(DAY, 3, retry1.nextChargeAt(), "insufficient funds");
    assertThat(retry2.nextMerchantUid()).isEqualTo("gildong_0001_retry2");
    assertThat(retry2.retries()).isEqualTo(2);

    Subscription month2 = retry2.paid(MONTH, retry2.nextChargeAt().plusSeconds(1));
    assertThat(month2.nextMerchantUid()).isEqualTo("gildong_0002");
    assertThat(month2.nextChargeAt()).isEqualTo(FIRST.plus(MONTH));
    assertThat(month2.retries()).isZero();
  }

  @Test
  void stopsAfterTheLastRetryAndSaysWhy() {
    Subscription s = started();
    for (int i = 0; i < 3; i++) {
      s = s.declined(DAY, 3, FIRST.plus(DAY.multipliedBy(i)), "insufficient funds");
      assertThat(s.active()).isTrue();
    }
    Subscription stopped =
        s.declined(DAY, 3, FIRST.plus(DAY.multipliedBy(3)), "insufficient funds");
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.nextMerchantUid()).isNull();
    assertThat(stopped.awaits("gildong_0001_retry3")).isFalse();
    assertThat(stopped.stopReason())
        .contains("gildong_0001_retry3", "insufficient funds", "3 retries");
  }

  @Test
  void withNoRetriesTheFirstDeclineStopsIt() {
    assertThat(started().declined(DAY, 0, FIRST, "stolen card").active()).isFalse();
  }

  @Test
  void theTimePaycronHoldsReplacesThePlannedOne() {
    Instant held = FIRST.plusSeconds(5);
    Subscription s = started().scheduledAt(held);
    assertThat(s.nextChargeAt()).isEqualTo(held);
    assertThat(s.periodDueAt()).isEqualTo(held);
    Subscription retry = s.declined(DAY, 3, held, "x").scheduledAt(held.plus(DAY).plusSeconds(1));
    assertThat(retry.periodDueAt()).isEqualTo(held); // a retry does not move the billing day
  }
}
