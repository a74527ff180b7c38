package io.paycron.subscription;

import io.paycron.gateway.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a subscription charges and how often: {@code amount} every {@code intervalCount} {@code
 * interval}s, after {@code trialDays} free days. Plans do not change once created.
 */
record Plan(
    String merchantId,
    String planId,
    String name,
    Money amount,
    BillingInterval interval,
    int intervalCount,
    int trialDays,
    String nameTemplate,
    DunningPolicy dunning,
    long createdAt) {

  static final String DEFAULT_NAME_TEMPLATE = "{plan}";

  /** When the period {@code periods} periods after one starting at {@code start} starts. */
  ZonedDateTime periodStart(ZonedDateTime start, long periods) {
    return interval.plus(start, periods * intervalCount);
  }

  /** The time {@code periods} periods after {@code startMillis}, in {@code zone}. */
  long periodStart(long startMillis, long periods, ZoneId zone) {
    return periodStart(Instant.ofEpochMilli(startMillis).atZone(zone), periods)
        .toInstant()
        .toEpochMilli();
  }

  /**
   * The payment name of a period: the template with {@code {plan}}, {@code {period}}, {@code
   * {start}} and {@code {end}} (local dates) filled in.
   */
  String chargeName(int period, long start, long end, ZoneId zone) {
    DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
    return nameTemplate
        .replace("{plan}", name)
        .replace("{period}", String.valueOf(period))
        .replace("{start}", date.format(Instant.ofEpochMilli(start).atZone(zone)))
        .replace("{end}", date.format(Instant.ofEpochMilli(end).atZone(zone)));
  }
}
