package io.paycron.payment;

import io.paycron.common.Secrets;
import io.paycron.connector.Gateways;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.Money;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds all or part of a paid payment. The amount is reserved against the balance before the
 * gateway is called, so concurrent cancels cannot refund more than was paid; an unknown answer
 * keeps the reservation and is re-sent with the same idempotency key until the gateway answers.
 */
@Service
public class CancelService {

  /** The refusal's message when the caller's checksum is not the refundable balance. */
  static final String CHECKSUM_MISMATCH = "checksum이 일치하지 않습니다";

  /** The refusal's message when the gateway's answer is not known yet (the refund may happen). */
  static final String OUTCOME_UNKNOWN =
      "카드사 응답을 확인하지 못해 취소 결과가 아직 확정되지 않았습니다. 같은 요청을 다시 보내지 말고 잠시 후 결제정보를 조회하세요.";

  static final String NO_PAYMENT = "취소할 결제건이 존재하지 않습니다.";
  static final String NO_ID = "imp_uid 또는 merchant_uid를 지정해주셔야합니다.";
  private static final int IMMEDIATE_RETRIES = 2;
  private static final Logger log = LoggerFactory.getLogger(CancelService.class);

  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final Gateways gateways;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final List<PaymentListener> listeners;

  CancelService(
      PaymentRepository payments,
      RefundRepository refunds,
      Gateways gateways,
      TransactionTemplate transactions,
      Clock clock,
      List<PaymentListener> listeners) {
    this.payments = payments;
    this.refunds = refunds;
    this.gateways = gateways;
    this.transactions = transactions;
    this.clock = clock;
    this.listeners = listeners;
  }

  /**
   * @param requested the amount to refund, or empty (or zero) for the whole balance
   * @param checksum the caller's view of the refundable balance, or empty
   */
  record CancelCommand(
      String impUid,
      String merchantUid,
      Optional<java.math.BigDecimal> requested,
      Optional<java.math.BigDecimal> checksum,
      String reason,
      boolean sendWebhook) {}

  Payment cancel(Merchant merchant, CancelCommand command) {
    Payment payment = target(merchant, command);
    Money amount = amountToRefund(payment, command);
    CardGateway gateway =
        gateways.forKey(payment.merchantId(), payment.pgProvider(), payment.pgId());
    if (Gateways.isUnconfigured(gateway)) {
      // refused before anything is reserved: the gateway that took the money is not configured
      throw new ApiException.Refused(
          1, "the card gateway of this payment (" + payment.pgProvider() + ") is not configured");
    }
    String cancellationId = "cncl_" + Secrets.randomHex(10);
    Boolean reserved =
        transactions.execute(
            tx -> {
              long now = clock.millis();
              // with a checksum the balance it names must still hold when the refund is reserved
              OptionalLong expected =
                  command.checksum().isPresent()
                      ? OptionalLong.of(payment.refundable().minorUnits())
                      : OptionalLong.empty();
              if (!refunds.reserveRefund(
                  merchant.id(), payment.impUid(), amount.minorUnits(), expected, now)) {
                return false;
              }
              refunds.insertCancellation(
                  merchant.id(),
                  new Cancellation(
                      cancellationId,
                      payment.impUid(),
                      amount.minorUnits(),
                      command.reason(),
                      CancellationState.REQUESTED,
                      null,
                      0),
                  command.sendWebhook(),
                  now);
              return true;
            });
    if (!Boolean.TRUE.equals(reserved)) {
      throw new ApiException.Refused(1, "다른 취소 요청이 처리 중이어서 취소 가능 잔액이 부족합니다. 잠시 후 다시 시도하세요.");
    }
    CancelRequest request =
        new CancelRequest(
            merchant.id() + ":" + cancellationId, payment.pgTid(), amount, command.reason());
    CancelOutcome outcome = send(gateway, request);
    for (int i = 0; i < IMMEDIATE_RETRIES && outcome instanceof CancelOutcome.Unknown; i++) {
      outcome = send(gateway, request); // same idempotency key: never refunds twice
    }
    settle(
        merchant.id(),
        payment.impUid(),
        cancellationId,
        amount.minorUnits(),
        command.reason(),
        command.sendWebhook(),
        outcome);
    if (outcome instanceof CancelOutcome.Refused r) {
      throw new ApiException.Refused(1, "취소에 실패했습니다: [" + r.code() + "] " + r.message());
    }
    if (outcome instanceof CancelOutcome.Unknown) {
      throw new ApiException.Refused(1, OUTCOME_UNKNOWN);
    }
    return payments.find(merchant.id(), payment.impUid()).orElseThrow();
  }

  /** Applies a refund outcome once (the live call or the reconciler, whichever comes first). */
  void settle(
      String merchantId,
      String impUid,
      String cancellationId,
      long amount,
      String reason,
      boolean notify,
      CancelOutcome outcome) {
    transactions.executeWithoutResult(
        tx -> {
          long now = clock.millis();
          if (outcome instanceof CancelOutcome.Cancelled c) {
            if (refunds.settleCancellation(
                merchantId, cancellationId, CancellationState.DONE, c.cancelTransactionId(), now)) {
              refunds.applyRefund(merchantId, impUid, amount, reason, now);
              Payment refunded = payments.find(merchantId, impUid).orElseThrow();
              Cancellation cancellation =
                  new Cancellation(
                      cancellationId,
                      impUid,
                      amount,
                      reason,
                      CancellationState.DONE,
                      c.cancelTransactionId(),
                      now);
              listeners.forEach(l -> l.onRefunded(refunded, cancellation, notify));
            }
          } else if (outcome instanceof CancelOutcome.Refused) {
            if (refunds.settleCancellation(
                merchantId, cancellationId, CancellationState.REFUSED, null, now)) {
              refunds.releaseRefund(merchantId, impUid, amount, now);
            }
          } else {
            refunds.settleCancellation(
                merchantId, cancellationId, CancellationState.UNKNOWN, null, now);
          }
        });
    log.info(
        "cancel {}: merchant={} imp_uid={} cancellation={} amount={}",
        outcome.getClass().getSimpleName().toLowerCase(),
        merchantId,
        impUid,
        cancellationId,
        amount);
  }

  private static CancelOutcome send(CardGateway gateway, CancelRequest request) {
    try {
      return gateway.cancel(request);
    } catch (RuntimeException e) {
      return new CancelOutcome.Unknown("gateway_error: " + e.getClass().getSimpleName());
    }
  }

  private Payment target(Merchant merchant, CancelCommand command) {
    Optional<Payment> found;
    if (command.impUid() != null && !command.impUid().isBlank()) {
      found = payments.find(merchant.id(), command.impUid());
    } else if (command.merchantUid() != null && !command.merchantUid().isBlank()) {
      found = payments.findLive(merchant.id(), command.merchantUid());
    } else {
      throw new ApiException.Refused(1, NO_ID);
    }
    return found.orElseThrow(() -> new ApiException.Refused(1, NO_PAYMENT));
  }

  private static Money amountToRefund(Payment payment, CancelCommand command) {
    switch (payment.status()) {
      case CANCELLED -> throw new ApiException.Refused(1, "이미 전액취소된 주문입니다.");
      case READY, FAILED ->
          throw new ApiException.Refused(
              1, "결제완료 상태가 아닌 결제건은 취소할 수 없습니다 (status: " + payment.status().wire() + ").");
      case PAID -> {
        // refundable
      }
    }
    Money refundable = payment.refundable();
    if (command.checksum().isPresent()) {
      Money checksum = toMoney("checksum", command.checksum().get(), payment);
      if (!checksum.equals(refundable)) {
        throw new ApiException.Refused(
            1,
            CHECKSUM_MISMATCH
                + ": 취소 가능 잔액은 "
                + refundable.toMajor().toPlainString()
                + "이고 요청한 checksum은 "
                + checksum.toMajor().toPlainString()
                + "입니다.");
      }
    }
    Money requested =
        command.requested().map(value -> toMoney("amount", value, payment)).orElse(refundable);
    if (requested.minorUnits() == 0) {
      return refundable;
    }
    if (requested.minorUnits() > refundable.minorUnits()) {
      throw new ApiException.Refused(
          1,
          "취소 요청 금액("
              + requested.toMajor().toPlainString()
              + ")이 취소 가능 잔액("
              + refundable.toMajor().toPlainString()
              + ")보다 큽니다.");
    }
    return requested;
  }

  private static Money toMoney(String field, java.math.BigDecimal value, Payment payment) {
    if (value.signum() < 0) {
      throw new ApiException.InvalidRequest(field + ": must not be negative");
    }
    try {
      return Money.ofMajor(value, payment.amount().currency());
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest(field + ": " + e.getMessage());
    }
  }
}
