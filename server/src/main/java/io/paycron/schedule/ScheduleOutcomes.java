package io.paycron.schedule;

import io.paycron.payment.AttemptState;
import io.paycron.payment.Cancellation;
import io.paycron.payment.Payment;
import io.paycron.payment.PaymentListener;
import io.paycron.payment.PaymentStatus;
import io.paycron.webhook.Outbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps a schedule in step with its payment, in the payment's own transaction, and announces each
 * settled attempt with the V1 webhook body to the schedule's notice_url, else the merchant's
 * webhook URL.
 */
@Component
class ScheduleOutcomes implements PaymentListener {

  static final String SCHEDULED_USAGE = "payment.scheduled";
  static final String EVENT_TYPE = "schedule.executed";

  private final ScheduleRepository schedules;
  private final Outbox outbox;
  private final Clock clock;

  ScheduleOutcomes(ScheduleRepository schedules, Outbox outbox, Clock clock) {
    this.schedules = schedules;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void onAttemptRecorded(Payment payment, AttemptState state) {
    if (!SCHEDULED_USAGE.equals(payment.customerUidUsage())) {
      return;
    }
    schedules
        .findByImpUid(payment.merchantId(), payment.impUid())
        .ifPresent(schedule -> apply(schedule, payment, state.isSettled()));
  }

  /** Records what the attempt of {@code schedule} became; announces it once it is settled. */
  void apply(Schedule schedule, Payment payment, boolean settled) {
    String paymentStatus = settled ? payment.status().wire() : null;
    schedules.markExecuted(
        schedule.merchantId(),
        schedule.merchantUid(),
        paymentStatus,
        payment.failReason(),
        clock.millis());
    if (!settled) {
      return; // unknown outcome: the webhook follows once reconciliation settles it
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("imp_uid", payment.impUid());
    body.put("merchant_uid", payment.merchantUid());
    body.put("status", paymentStatus);
    outbox.emit(
        schedule.merchantId(),
        EVENT_TYPE,
        payment.impUid(),
        payment.version(),
        body,
        Outbox.Target.orMerchantDefault(schedule.noticeUrl()));
  }

  @Override
  public void onRefunded(Payment payment, Cancellation cancellation, boolean notify) {
    if (SCHEDULED_USAGE.equals(payment.customerUidUsage())
        && payment.status() == PaymentStatus.CANCELLED) {
      schedules.setPaymentStatus(
          payment.merchantId(), payment.impUid(), PaymentStatus.CANCELLED.wire(), clock.millis());
    }
  }
}
