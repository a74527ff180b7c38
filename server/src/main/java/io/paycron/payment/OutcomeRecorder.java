package io.paycron.payment;

import io.paycron.gateway.ChargeOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies gateways' answers to attempts and their payments in one transaction per batch. Both the
 * live calls and the reconciler come through here; the attempt's state guard makes the first one
 * win, and listeners (schedules, the outbox) change in the same commit.
 */
@Component
class OutcomeRecorder {

  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
  static final String NOT_CHARGED_REASON = "결제 결과를 확인할 수 없어 실패 처리되었습니다 (카드사에 승인 내역 없음)";

  /** One gateway answer to record. */
  record Outcome(String merchantId, String impUid, String idempotencyKey, ChargeOutcome outcome) {}

  private final PaymentRepository payments;
  private final AttemptKeyRepository attemptKeys;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final List<PaymentListener> listeners;

  OutcomeRecorder(
      PaymentRepository payments,
      AttemptKeyRepository attemptKeys,
      TransactionTemplate transactions,
      Clock clock,
      List<PaymentListener> listeners) {
    this.payments = payments;
    this.attemptKeys = attemptKeys;
    this.transactions = transactions;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** Records a charge outcome; returns false when the attempt had been settled already. */
  boolean record(String merchantId, String impUid, String idempotencyKey, ChargeOutcome outcome) {
    return recordAll(List.of(new Outcome(merchantId, impUid, idempotencyKey, outcome)))[0];
  }

  /** Records many outcomes in one transaction; per outcome, whether it applied. */
  boolean[] recordAll(List<Outcome> outcomes) {
    return apply(outcomes.stream().map(OutcomeRecorder::settlement).toList());
  }

  /** Records that the gateway never charged this attempt: the payment fails, nothing was taken. */
  boolean recordNotCharged(String merchantId, String impUid, String idempotencyKey) {
    return apply(
        List.of(
            new PaymentRepository.Settlement(
                merchantId,
                impUid,
                idempotencyKey,
                AttemptState.NOT_CHARGED,
                "not_charged",
                null,
                null,
                null,
                NOT_CHARGED_REASON,
                null)))[0];
  }

  private static PaymentRepository.Settlement settlement(Outcome o) {
    AttemptState state = AttemptState.of(o.outcome());
    if (o.outcome() instanceof ChargeOutcome.Approved approved) {
      return new PaymentRepository.Settlement(
          o.merchantId(),
          o.impUid(),
          o.idempotencyKey(),
          state,
          null,
          null,
          approved.transactionId(),
          approved.approvalNumber(),
          null,
          null);
    }
    if (o.outcome() instanceof ChargeOutcome.Declined declined) {
      return new PaymentRepository.Settlement(
          o.merchantId(),
          o.impUid(),
          o.idempotencyKey(),
          state,
          declined.code(),
          declined.message(),
          null,
          null,
          declined.message() + " (" + declined.code() + ")",
          declined.declineClass());
    }
    ChargeOutcome.Unknown unknown = (ChargeOutcome.Unknown) o.outcome();
    return new PaymentRepository.Settlement(
        o.merchantId(),
        o.impUid(),
        o.idempotencyKey(),
        state,
        unknown.reason(),
        null,
        null,
        null,
        null,
        null);
  }

  private boolean[] apply(List<PaymentRepository.Settlement> settlements) {
    if (settlements.isEmpty()) {
      return new boolean[0];
    }
    boolean[] applied =
        transactions.execute(
            tx -> {
              long now = clock.millis();
              boolean[] done = payments.settleAttempts(settlements, now);
              List<PaymentRepository.Settlement> changed = new ArrayList<>();
              for (int i = 0; i < done.length; i++) {
                if (done[i]) {
                  changed.add(settlements.get(i));
                }
              }
              List<Payment> settled =
                  payments.settlePayments(
                      changed.stream().filter(x -> x.state().isSettled()).toList(), now);
              attemptKeys.releaseNotCharged(changed);
              notifyListeners(changed, settled);
              return done;
            });
    logRecorded(settlements, applied);
    return applied;
  }

  /**
   * One line per batch, and one per attempt that did not end paid (declined, unknown, never
   * charged): at thousands of charges a second a line per paid charge would be most of the log, and
   * every charge is in the payments and attempts anyway. Paid ones are logged at DEBUG.
   */
  private static void logRecorded(
      List<PaymentRepository.Settlement> settlements, boolean[] applied) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (int i = 0; i < applied.length; i++) {
      if (!applied[i]) {
        continue;
      }
      PaymentRepository.Settlement x = settlements.get(i);
      counts.merge(x.state().wire(), 1, Integer::sum);
      boolean paid = x.state().paymentStatus() == PaymentStatus.PAID;
      if (paid ? log.isDebugEnabled() : log.isInfoEnabled()) {
        String line =
            String.format(
                "charge %s: merchant=%s imp_uid=%s attempt=%s%s",
                x.state().wire(),
                x.merchantId(),
                x.impUid(),
                x.idempotencyKey(),
                x.declineCode() == null ? "" : " code=" + x.declineCode());
        if (paid) {
          log.debug(line);
        } else {
          log.info(line);
        }
      }
    }
    if (!counts.isEmpty()) {
      log.info("recorded charge outcomes {}", counts);
    }
  }

  /**
   * Tells listeners what the attempts became, with their payments as now committed: the settled
   * ones came back from their update; the rest (still unknown) are read.
   */
  private void notifyListeners(List<PaymentRepository.Settlement> changed, List<Payment> settled) {
    if (changed.isEmpty()) {
      return;
    }
    Map<String, Payment> byImpUid = new HashMap<>();
    settled.forEach(p -> byImpUid.put(p.merchantId() + "/" + p.impUid(), p));
    changed.stream()
        .filter(x -> !byImpUid.containsKey(x.merchantId() + "/" + x.impUid()))
        .collect(
            Collectors.groupingBy(
                PaymentRepository.Settlement::merchantId,
                Collectors.mapping(PaymentRepository.Settlement::impUid, Collectors.toList())))
        .forEach(
            (merchantId, impUids) ->
                payments
                    .findAll(merchantId, impUids)
                    .forEach(p -> byImpUid.put(p.merchantId() + "/" + p.impUid(), p)));
    List<PaymentListener.RecordedAttempt> recorded =
        changed.stream()
            .map(
                x ->
                    new PaymentListener.RecordedAttempt(
                        byImpUid.get(x.merchantId() + "/" + x.impUid()),
                        x.state(),
                        x.declineCode(),
                        x.declineClass()))
            .toList();
    listeners.forEach(listener -> listener.onAttemptsRecorded(recorded));
  }
}
