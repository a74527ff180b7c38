package io.paycron.payment;

import io.paycron.clock.ScopedClock;
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
import io.paycron.gateway.Money;
import io.paycron.merchant.Merchant;
import io.paycron.storage.SqlDialect;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
  private final AttemptKeyRepository attemptKeys;
  private final OutcomeRecorder recorder;
  private final CancelService cancels;
  private final BillingKeyService billingKeys;
  private final Gateways gateways;
  private final TransactionTemplate transactions;
  private final SqlDialect dialect;
  private final Clock clock;

  ChargeService(
      PaymentRepository payments,
      AttemptKeyRepository attemptKeys,
      OutcomeRecorder recorder,
      CancelService cancels,
      BillingKeyService billingKeys,
      Gateways gateways,
      TransactionTemplate transactions,
      SqlDialect dialect,
      Clock clock) {
    this.payments = payments;
    this.attemptKeys = attemptKeys;
    this.recorder = recorder;
    this.cancels = cancels;
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
        gateways.forKey(key.merchantId(), key.pgProvider(), key.pgId()),
        key.pgId(),
        key.gatewayToken(),
        key.card(),
        usage);
  }

  /** {@code again}: charges the stored billing key of command.customerUid. */
  Payment again(Merchant merchant, ChargeCommand command) {
    BillingKey key =
        billingKeys
            .find(merchant, command.customerUid())
            .orElseThrow(() -> new ApiException.Refused(1, UNKNOWN_CUSTOMER));
    refuseIfSpent(merchant, command.merchantUid());
    ChargeCommand withDefaults = command.withBuyerDefaultsOf(key.customer());
    return charge(merchant, withDefaults, source(key, "payment"));
  }

  /**
   * The {@code checking_amount} of a schedule call: charges the billing key a small amount and
   * refunds it at once, to learn whether the card works. Both are ordinary payments, visible as
   * such. Returns why the check failed, or empty when the card was approved.
   */
  public Optional<String> checkBillingKey(Merchant merchant, String customerUid, Money amount) {
    String merchantUid = "paycron_check_" + Secrets.randomHex(8);
    Payment payment =
        again(
            merchant,
            new ChargeCommand(
                merchantUid,
                amount,
                "카드 확인 (checking_amount)",
                new Buyer(null, null, null, null, null),
                null,
                null,
                0,
                customerUid));
    switch (payment.status()) {
      case PAID, CANCELLED -> {
        cancels.cancel(
            merchant,
            new CancelService.CancelCommand(
                payment.impUid(),
                null,
                Optional.empty(),
                Optional.empty(),
                "checking_amount",
                false));
        return Optional.empty();
      }
      case FAILED -> {
        return Optional.ofNullable(payment.failReason());
      }
      case READY -> {
        return Optional.of("카드사 응답을 확인하지 못했습니다 (imp_uid " + payment.impUid() + ")");
      }
    }
    return Optional.empty();
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
              gateways.forKey(merchant.id(), key.pgProvider(), key.pgId()),
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
    PreparedCharge prepared = persistNew(merchant, command, source);
    record(prepared, send(prepared));
    return payments.find(merchant.id(), prepared.impUid()).orElseThrow();
  }

  /** A payment and its attempt, persisted (with the idempotency key) and ready to send. */
  public record PreparedCharge(
      String merchantId, String impUid, CardGateway gateway, ChargeRequest request) {}

  /**
   * What a scheduled charge became inside the claim transaction: a charge to send, or a payment
   * that failed before reaching the gateway (no billing key, merchant_uid already paid).
   */
  public record ScheduledPreparation(Payment payment, PreparedCharge charge) {}

  /** A scheduled charge to prepare: the merchant and what to charge. */
  public record ScheduledCharge(Merchant merchant, ChargeCommand command) {}

  /**
   * Prepares scheduled charges inside the caller's transaction, as {@code again} would charge the
   * billing keys, with a few round trips for the whole batch. Business refusals become failed
   * payments rather than exceptions, so one bad schedule never holds up a batch.
   */
  public List<ScheduledPreparation> prepareScheduled(List<ScheduledCharge> batch) {
    Map<String, Map<String, BillingKey>> keys = new HashMap<>();
    Map<String, Map<String, MerchantUidHistory>> histories = new HashMap<>();
    batch.stream()
        .collect(Collectors.groupingBy(c -> c.merchant().id()))
        .forEach(
            (merchantId, charges) -> {
              Merchant merchant = charges.get(0).merchant();
              keys.put(
                  merchantId,
                  billingKeys
                      .findAll(
                          merchant,
                          charges.stream()
                              .map(c -> c.command().customerUid())
                              .collect(Collectors.toSet()))
                      .stream()
                      .collect(Collectors.toMap(BillingKey::customerUid, k -> k)));
              // one statement per merchant and batch tells both whether a merchant_uid is spent
              // and its attempt number: the hot path costs no more than the live check alone
              histories.put(
                  merchantId,
                  attemptKeys.merchantUidHistories(
                      merchantId, charges.stream().map(c -> c.command().merchantUid()).toList()));
            });
    long now = clock.millis();
    List<ScheduledPreparation> prepared = new ArrayList<>();
    List<Payment> toInsert = new ArrayList<>();
    List<PreparedCharge> toSend = new ArrayList<>();
    for (ScheduledCharge charge : batch) {
      Merchant merchant = charge.merchant();
      ChargeCommand command = charge.command();
      BillingKey key = keys.get(merchant.id()).get(command.customerUid());
      MerchantUidHistory history =
          histories.get(merchant.id()).getOrDefault(command.merchantUid(), MerchantUidHistory.NONE);
      if (key == null || history.live()) {
        Payment failed =
            failedBeforeSending(
                merchant, command, key == null ? UNKNOWN_CUSTOMER : ALREADY_PAID, now);
        toInsert.add(failed);
        prepared.add(new ScheduledPreparation(failed, null));
        continue;
      }
      ChargeCommand withDefaults = command.withBuyerDefaultsOf(key.customer());
      Source source = source(key, PaymentWebhooks.SCHEDULED_USAGE);
      Payment payment = newPayment(merchant, withDefaults, source, now);
      PreparedCharge toCharge = prepared(payment, source, withDefaults, history.nextAttempt());
      toInsert.add(payment);
      toSend.add(toCharge);
      prepared.add(new ScheduledPreparation(payment, toCharge));
    }
    payments.insertAll(toInsert);
    payments.insertAttempts(toSend, wallMillis());
    return prepared;
  }

  private Payment failedBeforeSending(
      Merchant merchant, ChargeCommand command, String reason, long now) {
    CardGateway gateway = gateways.select(merchant.id(), null).gateway();
    Source none =
        new Source(
            gateway,
            gateway.provider(),
            null,
            new CardInfo(null, null, null, null, null, null, null, null),
            PaymentWebhooks.SCHEDULED_USAGE);
    Payment ready = newPayment(merchant, command, none, now);
    log.info(
        "charge failed before sending: merchant={} imp_uid={} merchant_uid={} reason={}",
        merchant.id(),
        ready.impUid(),
        ready.merchantUid(),
        reason);
    return ready.failedBeforeSending(reason);
  }

  /**
   * Rebuilds the charge of a scheduled attempt that never reached the gateway (its node died after
   * the claim), with the same idempotency key, so sending it cannot charge twice. Empty when the
   * billing key is gone.
   */
  Optional<PreparedCharge> resendable(Payment payment, String idempotencyKey) {
    return billingKeys
        .find(new Merchant(payment.merchantId(), null, payment.sandbox()), payment.customerUid())
        // a key re-registered elsewhere meanwhile would charge a gateway the lookups never ask
        .filter(
            key ->
                key.pgProvider().equals(payment.pgProvider())
                    && java.util.Objects.equals(key.pgId(), payment.pgId()))
        .map(
            key ->
                new PreparedCharge(
                    payment.merchantId(),
                    payment.impUid(),
                    gateways.forKey(key.merchantId(), key.pgProvider(), key.pgId()),
                    new ChargeRequest(
                        idempotencyKey,
                        key.gatewayToken(),
                        payment.amount(),
                        payment.name(),
                        payment.cardQuota())));
  }

  /** Calls the gateway; a connector that throws has said nothing: that is an unknown outcome. */
  public ChargeOutcome send(PreparedCharge charge) {
    try {
      return charge.gateway().charge(charge.request());
    } catch (RuntimeException e) {
      log.warn("gateway {} failed during a charge: {}", charge.gateway().provider(), e.toString());
      return new ChargeOutcome.Unknown("gateway_error: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Records many gateways' answers in one transaction (joins the caller's when there is one); per
   * answer, whether it applied (false: the attempt had been settled already).
   */
  public boolean[] recordAll(List<PreparedCharge> charges, List<ChargeOutcome> outcomes) {
    List<OutcomeRecorder.Outcome> list = new ArrayList<>();
    for (int i = 0; i < charges.size(); i++) {
      PreparedCharge charge = charges.get(i);
      list.add(
          new OutcomeRecorder.Outcome(
              charge.merchantId(),
              charge.impUid(),
              charge.request().idempotencyKey(),
              outcomes.get(i)));
    }
    return recorder.recordAll(list);
  }

  /** Records the gateway's answer (joins the caller's transaction when there is one). */
  public void record(PreparedCharge charge, ChargeOutcome outcome) {
    recorder.record(
        charge.merchantId(), charge.impUid(), charge.request().idempotencyKey(), outcome);
  }

  private static PreparedCharge prepared(
      Payment payment, Source source, ChargeCommand command, int attempt) {
    return new PreparedCharge(
        payment.merchantId(),
        payment.impUid(),
        source.gateway(),
        new ChargeRequest(
            Payment.idempotencyKey(payment.merchantId(), attempt, payment.merchantUid()),
            source.token(),
            command.amount(),
            command.name(),
            command.cardQuota()));
  }

  private Payment newPayment(Merchant merchant, ChargeCommand command, Source source, long now) {
    return new Payment(
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
  }

  /**
   * Attempts are stamped with the server's own time even for a customer on a test clock: the
   * reconciler judges by it whether a sending attempt's node died.
   */
  private long wallMillis() {
    return clock instanceof ScopedClock scoped
        ? scoped.wallInstant().toEpochMilli()
        : clock.millis();
  }

  /**
   * Numbers the attempt and inserts the payment with it, in the caller's transaction: should a
   * concurrent charge of the merchant_uid take that number first, the unique key refuses this
   * insert and the retry counts again.
   */
  private PreparedCharge insertWithAttempt(Payment payment, Source source, ChargeCommand command) {
    int attempt =
        attemptKeys.merchantUidHistory(payment.merchantId(), payment.merchantUid()).nextAttempt();
    PreparedCharge charge = prepared(payment, source, command, attempt);
    payments.insert(payment);
    payments.insertAttempts(List.of(charge), wallMillis());
    return charge;
  }

  /** Inserts the ready payment and its sending attempt, committed before the gateway is called. */
  private PreparedCharge persistNew(Merchant merchant, ChargeCommand command, Source source) {
    for (int tries = 0; ; tries++) {
      Payment payment = newPayment(merchant, command, source, clock.millis());
      try {
        return transactions.execute(tx -> insertWithAttempt(payment, source, command));
      } catch (RuntimeException e) {
        if (!dialect.isUniqueViolation(e)) {
          throw e;
        }
        refuseIfSpent(merchant, command.merchantUid());
        if (tries >= 3) {
          throw e; // a collision three times in a row: a real fault, not bad luck
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
