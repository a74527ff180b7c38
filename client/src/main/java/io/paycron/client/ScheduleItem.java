package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of {@link ScheduleRequest#schedules()}.
 *
 * @param merchantUid unique per payment
 * @param scheduleAt when to charge; must be in the future. Sent as UNIX seconds, so sub-second
 *     precision is dropped.
 */
public record ScheduleItem(
    String merchantUid,
    Instant scheduleAt,
    BigDecimal amount,
    @JsonUnwrapped ChargeOptions options) {

  public ScheduleItem {
    Objects.requireNonNull(merchantUid, "merchantUid");
    Objects.requireNonNull(scheduleAt, "scheduleAt");
    Objects.requireNonNull(amount, "amount");
    options = options == null ? ChargeOptions.NONE : options;
  }

  public static ScheduleItem of(String merchantUid, Instant scheduleAt, BigDecimal amount) {
    return new ScheduleItem(merchantUid, scheduleAt, amount, ChargeOptions.NONE);
  }

  public ScheduleItem withOptions(ChargeOptions value) {
    return new ScheduleItem(merchantUid, scheduleAt, amount, value);
  }
}
