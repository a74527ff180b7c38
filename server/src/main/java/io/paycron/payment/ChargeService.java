package io.paycron.payment;

import io.paycron.common.Secrets;
import io.paycron.connector.Gateways;
import io.paycron.customer.BillingKey;
import io.paycron.customer.BillingKeyService;
import io.paycron.customer.CustomerDetails;
import io.paycron.gateway.CardData;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardInfo;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.merchant.Merchant;
import io.paycron.storage.SqlDialect;
import io.paycron.web.ApiException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges a billing key: persist the payment and its attempt (with the idempotency key), then call
 * the gateway, then record the outcome. A merchant_uid is charged at most once at a time: the
 * database refuses a second live payment for it.
 */
@Service
public class ChargeService {

  static final String ALREADY_PAID = "이미 결제 완료된 merchant_uid입니다.";
  static final String UNKNOWN_CUSTOMER = "등록되지 않은 구매자입니다.";

  private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

  private final PaymentRepository payments;
  private final OutcomeRecorder recorder;
  private final BillingKeyService billingKeys;
  private final Gateways gateways;
  private final TransactionTemplate transactions;
  private final SqlDialect dialect;
  private final Clock clock;

  ChargeService(
      PaymentRepository payments,
      OutcomeRecorder recorder,
      BillingKeyService billingKeys,
      Gateways gateways,
      TransactionTemplate transactions,
      SqlDialect dialect,
      Clock clock) {
    this.payments = payments;
    this.recorder = recorder;
    this.billingKeys = billingKeys;
    this.gateways = gateways;
    this.transactions = transactions;
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Where the charge goes: a connector, its token for the card, and what may be shown of it. */
  private record Source(
      CardGateway gateway, String pgId, String token, CardInfo card, String usage) {}

  private Source source(BillingKey key, String usage) {
    return new Source(
        gateways.byProvider(key.pgProvider()), key.pgId(), key.gatewayToken(), key.card(), usage);
  }

  /** {@code again}: charges the stored billing key of command.customerUid. */
  Payment again(Merchant merchant, ChargeCommand command) {
    BillingKey key =
        billingKeys
            .find(merchant, command.customerUid())
            .orElseThrow(() -> new ApiException.Refused(1, UNKNOWN_CUSTOMER));
    refuseIfSpent(merchant, command.merchantUid());
    ChargeCommand withDefaults = command.withBuyerDefaults(key.customer());
    return charge(merchant, withDefaults, source(key, "payment"));
  }

  /** {@code onetime}: checks the card, optionally stores it as command.customerUid, charges it. */
  Payment onetime(
      Merchant merchant, ChargeCommand command, CardData card, String pg, CustomerDetails details) {
    refuseIfSpent(merchant, command.merchantUid());
    if (command.customerUid() != null) {
      BillingKey key = billingKeys.register(merchant, command.customerUid(), card, pg, details);
      return charge(merchant, command, source(key, "issue"));
    }
    BillingKeyService.OneTimeKey key =
        billingKeys.issueForOneCharge(merchant, command.merchantUid(), card, pg);
    try {
      Source source =
          new Source(
              gateways.byProvider(key.pgProvider()),
              key.pgId(),
              key.issued().token(),
              key.issued().card(),
              null);
      return charge(merchant, command, source);
    } finally {
      billingKeys.discard(key);
    }
  }

  private Payment charge(Merchant merchant, ChargeCommand command, Source source) {
    Payment payment = persistNew(merchant, command, source);
    String idempotencyKey = idempotencyKey(payment);
    ChargeOutcome outcome =
        call(
            source.gateway(),
            new ChargeRequest(
                idempotencyKey,
                source.token(),
                command.amount(),
                command.name(),
                command.cardQuota()));
    recorder.record(merchant.id(), payment.impUid(), idempotencyKey, outcome);
    return payments.find(merchant.id(), payment.impUid()).orElseThrow();
  }

  /** A connector that throws has said nothing about the charge: that is an unknown outcome. */
  private static ChargeOutcome call(CardGateway gateway, ChargeRequest request) {
    try {
      return gateway.charge(request);
    } catch (RuntimeException e) {
      log.warn("gateway {} failed during a charge: {}", gateway.provider(), e.toString());
      return new ChargeOutcome.Unknown("gateway_error: " + e.getClass().getSimpleName());
    }
  }

  static String idempotencyKey(Payment payment) {
    return payment.merchantId() + ":" + payment.impUid() + ":1";
  }

  /** Inserts the ready payment and its sending attempt, committed before the gateway is called. */
  private Payment persistNew(Merchant merchant, ChargeCommand command, Source source) {
    for (int tries = 0; ; tries++) {
      long now = clock.millis();
      Payment payment =
          new Payment(
              merchant.id(),
              newImpUid(),
              command.merchantUid(),
              command.customerUid(),
              source.usage(),
              source.gateway().provider(),
              source.pgId(),
              null,
              null,
              source.card(),
              command.cardQuota(),
              command.name(),
              command.amount(),
              0,
              command.buyer(),
              command.customData(),
              command.noticeUrl(),
              PaymentStatus.READY,
              null,
              null,
              merchant.sandbox(),
              now,
              0,
              0,
              0,
              now,
              1);
      try {
        transactions.executeWithoutResult(
            tx -> {
              payments.insert(payment);
              payments.insertAttempt(
                  merchant.id(),
                  idempotencyKey(payment),
                  payment.impUid(),
                  payment.pgProvider(),
                  now);
            });
        return payment;
      } catch (RuntimeException e) {
        if (!dialect.isUniqueViolation(e)) {
          throw e;
        }
        refuseIfSpent(merchant, command.merchantUid());
        if (tries >= 3) {
          throw e; // an imp_uid collision three times in a row: a real fault, not bad luck
        }
      }
    }
  }

  /** Refuses a merchant_uid that is paid, cancelled or still in progress. */
  void refuseIfSpent(Merchant merchant, String merchantUid) {
    payments
        .findLive(merchant.id(), merchantUid)
        .ifPresent(
            live -> {
              if (live.status() == PaymentStatus.READY) {
                throw new ApiException.Refused(
                    1,
                    "merchant_uid("
                        + merchantUid
                        + ")의 결제가 진행 중입니다 (imp_uid "
                        + live.impUid()
                        + "). 결과가 확정된 뒤 다시 시도하세요.");
              }
              throw new ApiException.Refused(1, ALREADY_PAID);
            });
  }

  private String newImpUid() {
    long digits = Secrets.randomBelow(1_000_000_000_000L);
    return String.format("imps_%012d", digits);
  }
}
