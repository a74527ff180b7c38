package io.paycron.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.DeclineClass;
import io.paycron.gateway.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules of plans and dunning, without a server. */
class BillingCalendarTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private static Plan plan(BillingInterval interval, int count) {
    return new Plan(
        "m",
        "p",
        "Basic",
        Money.of(1000, Money.KRW),
        interval,
        count,
        0,
        "{plan}",
        DunningPolicy.DEFAULT,
        0);
  }

  private static long at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant().toEpochMilli();
  }

  private static String local(long millis, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).toString();
  }

  @Test
  void monthlyPeriodsCountFromTheAnchorSoMonthEndsClampWithoutDrifting() {
    Plan monthly = plan(BillingInterval.MONTH, 1);
    long anchor = at("2027-01-31T09:00", SEOUL);
    assertThat(local(monthly.periodStart(anchor, 1, SEOUL), SEOUL)).isEqualTo("2027-02-28T09:00");
    assertThat(local(monthly.periodStart(anchor, 2, SEOUL), SEOUL)).isEqualTo("2027-03-31T09:00");
    assertThat(local(monthly.periodStart(anchor, 13, SEOUL), SEOUL)).isEqualTo("2028-02-29T09:00");
    Plan quarterly = plan(BillingInterval.MONTH, 3);
    assertThat(local(quarterly.periodStart(anchor, 1, SEOUL), SEOUL)).isEqualTo("2027-04-30T09:00");
    Plan yearly = plan(BillingInterval.YEAR, 1);
    long leapDay = at("2028-02-29T09:00", SEOUL);
    assertThat(local(yearly.periodStart(leapDay, 1, SEOUL), SEOUL)).isEqualTo("2029-02-28T09:00");
    assertThat(local(yearly.periodStart(leapDay, 4, SEOUL), SEOUL)).isEqualTo("2032-02-29T09:00");
    Plan biweekly = plan(BillingInterval.WEEK, 2);
    assertThat(local(biweekly.periodStart(anchor, 1, SEOUL), SEOUL)).isEqualTo("2027-02-14T09:00");
  }

  @Test
  void aDailyPlanKeepsItsLocalTimeOverADaylightSavingGap() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Plan daily = plan(BillingInterval.DAY, 1);
    long anchor = at("2027-03-13T02:30", newYork); // 2027-03-14 02:30 does not exist there
    assertThat(local(daily.periodStart(anchor, 1, newYork), newYork)).isEqualTo("2027-03-14T03:30");
    assertThat(local(daily.periodStart(anchor, 2, newYork), newYork)).isEqualTo("2027-03-15T02:30");
    // 09:00 stays 09:00: the day clocks spring forward is 23 hours long
    long morning = at("2027-03-13T09:00", newYork);
    assertThat(daily.periodStart(morning, 1, newYork) - morning).isEqualTo(23 * 3600_000L);
    assertThat(daily.periodStart(morning, 1, SEOUL) - morning).isEqualTo(24 * 3600_000L);
  }

  @Test
  void softDeclinesRetryOnTheDaysAfterTheFirstFailureAndHardOnesNever() {
    DunningPolicy policy = DunningPolicy.DEFAULT;
    long first = at("2028-04-10T10:00", SEOUL);
    assertThat(local(policy.nextRetryAt(DeclineClass.SOFT, first, first, SEOUL).getAsLong(), SEOUL))
        .isEqualTo("2028-04-11T10:00");
    long afterThird = at("2028-04-15T10:00", SEOUL);
    assertThat(
            local(
                policy.nextRetryAt(DeclineClass.SOFT, first, afterThird, SEOUL).getAsLong(), SEOUL))
        .isEqualTo("2028-04-17T10:00");
    assertThat(policy.nextRetryAt(DeclineClass.SOFT, first, at("2028-04-17T10:00", SEOUL), SEOUL))
        .isEqualTo(OptionalLong.empty());
    assertThat(policy.nextRetryAt(DeclineClass.HARD, first, first, SEOUL)).isEmpty();
    assertThat(policy.whenNotRetried(DeclineClass.SOFT)).isEqualTo(SubscriptionStatus.UNPAID);
    assertThat(policy.whenNotRetried(DeclineClass.HARD)).isEqualTo(SubscriptionStatus.PAST_DUE);
    DunningPolicy none =
        new DunningPolicy(List.of(), SubscriptionStatus.CANCELED, SubscriptionStatus.CANCELED);
    assertThat(none.nextRetryAt(DeclineClass.SOFT, first, first, SEOUL)).isEmpty();
    assertThat(DunningPolicy.parseDays(DunningPolicy.DEFAULT.softRetryDaysText()))
        .containsExactly(1, 3, 5, 7);
    assertThat(DunningPolicy.parseDays("")).isEmpty();
  }

  @Test
  void chargeNamesFillTheTemplateWithLocalDates() {
    Plan plan =
        new Plan(
            "m",
            "p",
            "Pro",
            Money.of(1000, Money.KRW),
            BillingInterval.MONTH,
            1,
            0,
            "{plan} #{period} {start}~{end}",
            DunningPolicy.DEFAULT,
            0);
    assertThat(
            plan.chargeName(3, at("2028-03-01T00:30", SEOUL), at("2028-04-01T00:30", SEOUL), SEOUL))
        .isEqualTo("Pro #3 2028-03-01~2028-04-01");
  }

  @Test
  void chargeMerchantUidsAreDerivedFromTheSubscriptionPeriodAndAttempt() {
    assertThat(SubscriptionCharge.merchantUid("sub_42", 2, 0)).isEqualTo("sub_42-p2");
    assertThat(SubscriptionCharge.merchantUid("sub_42", 2, 3)).isEqualTo("sub_42-p2-r3");
  }
}
