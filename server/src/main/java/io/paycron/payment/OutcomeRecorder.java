package io.paycron.payment;

import io.paycron.gateway.ChargeOutcome;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a gateway's answer to an attempt and its payment in one transaction. Both the live call
 * and the reconciler come through here; the attempt's state guard makes the first one win.
 */
@Component
class OutcomeRecorder {

  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
  static final String NOT_CHARGED_REASON = "결제 결과를 확인할 수 없어 실패 처리되었습니다 (카드사에 승인 내역 없음)";

  private final PaymentRepository payments;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final List<PaymentListener> listeners;

  OutcomeRecorder(
      PaymentRepository payments,
      TransactionTemplate transactions,
      Clock clock,
      List<PaymentListener> listeners) {
    this.payments = payments;
    this.transactions = transactions;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** Records a charge outcome; returns false when the attempt had been settled already. */
  boolean record(String merchantId, String impUid, String idempotencyKey, ChargeOutcome outcome) {
    AttemptState state = AttemptState.of(outcome);
    if (outcome instanceof ChargeOutcome.Approved approved) {
      return apply(
          merchantId,
          impUid,
          idempotencyKey,
          state,
          null,
          null,
          approved.transactionId(),
          approved.approvalNumber(),
          null);
    }
    if (outcome instanceof ChargeOutcome.Declined declined) {
      return apply(
          merchantId,
          impUid,
          idempotencyKey,
          state,
          declined.code(),
          declined.message(),
          null,
          null,
          declined.message() + " (" + declined.code() + ")");
    }
    ChargeOutcome.Unknown unknown = (ChargeOutcome.Unknown) outcome;
    return apply(
        merchantId, impUid, idempotencyKey, state, unknown.reason(), null, null, null, null);
  }

  /** Records that the gateway never charged this attempt: the payment fails, nothing was taken. */
  boolean recordNotCharged(String merchantId, String impUid, String idempotencyKey) {
    return apply(
        merchantId,
        impUid,
        idempotencyKey,
        AttemptState.NOT_CHARGED,
        "not_charged",
        null,
        null,
        null,
        NOT_CHARGED_REASON);
  }

  private boolean apply(
      String merchantId,
      String impUid,
      String idempotencyKey,
      AttemptState state,
      String code,
      String message,
      String transactionId,
      String approvalNumber,
      String failReason) {
    Boolean applied =
        transactions.execute(
            tx -> {
              long now = clock.millis();
              if (!payments.settleAttempt(
                  merchantId, idempotencyKey, state, code, message, transactionId, now)) {
                return false;
              }
              if (state.isSettled()) {
                payments.settlePayment(
                    merchantId,
                    impUid,
                    state.paymentStatus(),
                    transactionId,
                    approvalNumber,
                    failReason,
                    now);
              }
              Payment payment = payments.find(merchantId, impUid).orElseThrow();
              listeners.forEach(listener -> listener.onAttemptRecorded(payment, state));
              return true;
            });
    if (Boolean.TRUE.equals(applied)) {
      log.info(
          "charge {}: merchant={} imp_uid={} attempt={}{}",
          state.wire(),
          merchantId,
          impUid,
          idempotencyKey,
          code == null ? "" : " code=" + code);
    }
    return Boolean.TRUE.equals(applied);
  }
}
