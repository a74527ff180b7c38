package io.paycron.schedule;

import io.paycron.payment.Cancellation;
import io.paycron.payment.Payment;
import io.paycron.payment.PaymentListener;
import io.paycron.payment.PaymentStatus;
import io.paycron.webhook.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps schedules in step with their payments, in the payments' own transaction, and announces each
 * settled attempt with the V1 webhook body to the schedule's notice_url (carried on the payment),
 * else the merchant's webhook URL.
 */
@Component
class ScheduleOutcomes implements PaymentListener {

  static final String SCHEDULED_USAGE = "payment.scheduled";
  static final String EVENT_TYPE = "schedule.executed";

  private final ScheduleOutcomeRepository schedules;
  private final Outbox outbox;
  private final Clock clock;

  ScheduleOutcomes(ScheduleOutcomeRepository schedules, Outbox outbox, Clock clock) {
    this.schedules = schedules;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void onAttemptsRecorded(List<RecordedAttempt> recorded) {
    apply(
        recorded.stream()
            .filter(r -> SCHEDULED_USAGE.equals(r.payment().customerUidUsage()))
            .toList());
  }

  /**
   * Records what each scheduled attempt became; announces the settled ones. An attempt whose
   * outcome is unknown leaves payment_status null; its webhook follows once it is settled.
   */
  void apply(List<RecordedAttempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    List<ScheduleOutcomeRepository.Execution> executions = new ArrayList<>();
    List<Outbox.Emission> emissions = new ArrayList<>();
    for (RecordedAttempt attempt : attempts) {
      Payment payment = attempt.payment();
      boolean settled = attempt.state().isSettled();
      String paymentStatus = settled ? payment.status().wire() : null;
      executions.add(
          new ScheduleOutcomeRepository.Execution(
              payment.merchantId(),
              payment.merchantUid(),
              payment.impUid(),
              payment.startedAt(),
              paymentStatus,
              payment.failReason()));
      if (settled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imp_uid", payment.impUid());
        body.put("merchant_uid", payment.merchantUid());
        body.put("status", paymentStatus);
        emissions.add(
            new Outbox.Emission(
                payment.merchantId(),
                EVENT_TYPE,
                payment.impUid(),
                payment.version(),
                body,
                Outbox.Target.orMerchantDefault(payment.noticeUrl())));
      }
    }
    schedules.markExecuted(executions, clock.millis());
    outbox.emitAll(emissions);
  }

  @Override
  public void onRefunded(Payment payment, Cancellation cancellation, boolean notify) {
    if (SCHEDULED_USAGE.equals(payment.customerUidUsage())
        && payment.status() == PaymentStatus.CANCELLED) {
      schedules.setPaymentStatus(
          payment.merchantId(),
          payment.merchantUid(),
          payment.impUid(),
          PaymentStatus.CANCELLED.wire(),
          clock.millis());
    }
  }
}
