package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /subscribe/payments/schedule}. The call is all-or-nothing: every schedule
 * is validated before any is stored (at most 1,000 per call).
 *
 * @param card used to issue the billing key first when the customer has none; may be {@code null}
 * @param checkingAmount a test charge cancelled at once; {@code null} or 0 for none
 */
public record ScheduleRequest(
    String customerUid,
    String customerId,
    BigDecimal checkingAmount,
    @JsonUnwrapped Card card,
    List<ScheduleItem> schedules) {

  public ScheduleRequest {
    Objects.requireNonNull(customerUid, "customerUid");
    schedules = List.copyOf(schedules);
    if (schedules.isEmpty()) {
      throw new IllegalArgumentException("schedules: at least one is required");
    }
  }

  public static ScheduleRequest of(String customerUid, List<ScheduleItem> schedules) {
    return new ScheduleRequest(customerUid, null, null, null, schedules);
  }

  public ScheduleRequest withCard(Card value) {
    return new ScheduleRequest(customerUid, customerId, checkingAmount, value, schedules);
  }

  public ScheduleRequest withCustomerId(String value) {
    return new ScheduleRequest(customerUid, value, checkingAmount, card, schedules);
  }

  public ScheduleRequest withCheckingAmount(BigDecimal value) {
    return new ScheduleRequest(customerUid, customerId, value, card, schedules);
  }
}
