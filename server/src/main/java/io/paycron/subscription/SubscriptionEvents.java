package io.paycron.subscription;

import io.paycron.payment.Payment;
import io.paycron.webhook.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces subscription changes to the merchant's webhook URL, in the changing transaction. The
 * body is the subscription (with its version) under {@code type}; a change caused by a charge also
 * carries the charge's {@code imp_uid} and {@code merchant_uid}, so a V1-style handler can re-query
 * the payment.
 */
@Component
class SubscriptionEvents {

  static final String CREATED = "subscription.created";
  static final String RENEWED = "subscription.renewed";
  static final String RECOVERED = "subscription.recovered";
  static final String PAYMENT_FAILED = "subscription.payment_failed";
  static final String UPDATED = "subscription.updated";
  static final String PAUSED = "subscription.paused";
  static final String RESUMED = "subscription.resumed";

  private static final Logger log = LoggerFactory.getLogger(SubscriptionEvents.class);

  private final Outbox outbox;

  SubscriptionEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** {@code subscription.past_due}, {@code .unpaid}, {@code .canceled}, … */
  static String entered(SubscriptionStatus status) {
    return "subscription." + status.wire();
  }

  void emit(String type, Subscription s) {
    emit(type, s, null, Map.of());
  }

  void emit(String type, Subscription s, Payment cause, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("subscription", SubscriptionResponse.of(s));
    if (cause != null) {
      body.put("imp_uid", cause.impUid());
      body.put("merchant_uid", cause.merchantUid());
      body.put("status", cause.status().wire());
      body.put("fail_reason", cause.failReason());
    }
    body.putAll(details);
    outbox.emit(
        s.merchantId(),
        type,
        s.subscriptionId(),
        s.version(),
        body,
        Outbox.Target.orMerchantDefault(null));
    log.info(
        "{}: merchant={} subscription={} status={} period={}{}",
        type,
        s.merchantId(),
        s.subscriptionId(),
        s.status().wire(),
        s.period(),
        cause == null ? "" : " merchant_uid=" + cause.merchantUid());
  }
}
