package io.paycron.payment;

import io.paycron.webhook.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Webhooks for payments made with onetime/again: sent only when that request carried a notice_url,
 * so a merchant whose callback schedules the next payment is not triggered by its own calls (API.md
 * §6). Scheduled payments are announced by the schedule feature instead.
 */
@Component
class PaymentWebhooks implements PaymentListener {

  static final String SCHEDULED_USAGE = "payment.scheduled";

  private final Outbox outbox;

  PaymentWebhooks(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void onAttemptsRecorded(List<RecordedAttempt> recorded) {
    outbox.emitAll(
        recorded.stream()
            .filter(r -> r.state().isSettled())
            .map(RecordedAttempt::payment)
            .filter(payment -> !SCHEDULED_USAGE.equals(payment.customerUidUsage()))
            .map(
                payment ->
                    new Outbox.Emission(
                        payment.merchantId(),
                        "payment." + payment.status().wire(),
                        payment.impUid(),
                        payment.version(),
                        body(payment),
                        Outbox.Target.only(payment.noticeUrl())))
            .toList());
  }

  /**
   * Every refund is recorded as an event (the delivery log shows it); it is delivered only when the
   * cancel asked for it with {@code enable_webhook: true}.
   */
  @Override
  public void onRefunded(Payment payment, Cancellation cancellation, boolean notify) {
    Map<String, Object> body = body(payment);
    body.put("status", "cancelled");
    body.put("cancellation_id", cancellation.cancellationId());
    outbox.emit(
        payment.merchantId(),
        "payment.cancelled",
        payment.impUid(),
        payment.version(),
        body,
        notify ? Outbox.Target.orMerchantDefault(payment.noticeUrl()) : Outbox.Target.only(null));
  }

  static Map<String, Object> body(Payment payment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("imp_uid", payment.impUid());
    body.put("merchant_uid", payment.merchantUid());
    body.put("status", payment.status().wire());
    return body;
  }
}
