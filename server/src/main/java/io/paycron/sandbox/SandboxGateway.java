package io.paycron.sandbox;

import io.paycron.PaycronProperties;
import io.paycron.common.Secrets;
import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.CardData;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.CardInfo;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.gateway.DeclineClass;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stateful stand-in for a card network, behind the same SPI as real connectors. It remembers
 * billing keys, charges by idempotency key and refunds, so reconciliation and exactly-once can be
 * tested against it; the test cards of API.md choose approvals, declines, timeouts and delays.
 */
@Component
public class SandboxGateway implements CardGateway {

  public static final String PROVIDER = "sandbox";
  private static final ZoneId CARD_ZONE = ZoneId.of("Asia/Seoul");
  private static final long SLOW_CARD_MILLIS = 3_000;
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private final SandboxLedger ledger;
  private final SandboxChargeWriter chargeWriter;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final PaycronProperties.Sandbox settings;
  private final com.github.benmanes.caffeine.cache.Cache<String, SandboxCard> liveCards =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(java.time.Duration.ofSeconds(10))
          .maximumSize(100_000)
          .build();

  SandboxGateway(
      SandboxLedger ledger,
      SandboxChargeWriter chargeWriter,
      Clock clock,
      TransactionTemplate transactions,
      PaycronProperties properties) {
    this.ledger = ledger;
    this.chargeWriter = chargeWriter;
    this.clock = clock;
    this.transactions = transactions;
    this.settings = properties.sandbox();
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public BillingKeyResult issueBillingKey(BillingKeyRequest request) {
    pause(settings.latencyMs());
    CardData card = request.card();
    SandboxCard behaviour = SandboxCard.of(card.number());
    if (behaviour == null) {
      return new BillingKeyResult.Refused("invalid_card_number", "유효하지 않은 카드번호입니다");
    }
    Optional<BillingKeyResult.Refused> invalid = validate(card);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    if (behaviour.refusesBillingKey()) {
      return new BillingKeyResult.Refused(behaviour.code, behaviour.message);
    }
    String token = "sbk_" + Secrets.randomHex(12);
    ledger.insertBillingKey(token, behaviour, card.maskedNumber(), clock.millis());
    return new BillingKeyResult.Issued(
        token,
        new CardInfo(
            card.maskedNumber(),
            behaviour.cardCode,
            behaviour.cardName,
            0,
            behaviour.cardCode,
            behaviour.cardName,
            behaviour.cardCode,
            behaviour.cardName));
  }

  private Optional<BillingKeyResult.Refused> validate(CardData card) {
    YearMonth expiry;
    try {
      expiry = YearMonth.parse(card.expiry());
    } catch (DateTimeParseException e) {
      return Optional.of(refused("invalid_expiry", "유효기간 형식이 올바르지 않습니다"));
    }
    if (expiry.isBefore(YearMonth.now(clock.withZone(CARD_ZONE)))) {
      return Optional.of(refused("expired_card", "유효기간이 만료된 카드입니다"));
    }
    String birth = card.birth();
    if (birth != null && !birth.isEmpty() && !validBirth(birth)) {
      return Optional.of(refused("invalid_birth", "생년월일 또는 사업자번호가 올바르지 않습니다"));
    }
    String password = card.passwordTwoDigits();
    if (password != null && !password.isEmpty() && !password.matches("\\d{2}")) {
      return Optional.of(refused("incorrect_password", "카드 비밀번호가 일치하지 않습니다"));
    }
    return Optional.empty();
  }

  private static boolean validBirth(String birth) {
    if (birth.matches("\\d{10}")) {
      return true; // a business registration number
    }
    if (!birth.matches("\\d{6}")) {
      return false;
    }
    try {
      LocalDate.parse(birth, BIRTH);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static BillingKeyResult.Refused refused(String code, String message) {
    return new BillingKeyResult.Refused(code, message);
  }

  @Override
  public void deleteBillingKey(String billingKeyToken) {
    pause(settings.latencyMs());
    ledger.deleteBillingKey(billingKeyToken, clock.millis());
    liveCards.invalidate(billingKeyToken);
  }

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    pause(settings.latencyMs());
    Optional<SandboxCard> card = liveCard(request.billingKeyToken());
    if (card.isEmpty()) {
      return new ChargeOutcome.Declined(
          "invalid_billing_key", "등록되지 않았거나 삭제된 빌링키입니다", DeclineClass.HARD);
    }
    SandboxCard behaviour = card.get();
    switch (behaviour) {
      case TIMEOUT_CHARGED -> {
        record(request, behaviour);
        pause(settings.timeoutDelayMs());
        return new ChargeOutcome.Unknown("gateway_timeout");
      }
      case TIMEOUT_NOT_CHARGED -> {
        pause(settings.timeoutDelayMs());
        return new ChargeOutcome.Unknown("gateway_timeout");
      }
      case SLOW_APPROVE -> pause(SLOW_CARD_MILLIS);
      case APPROVE,
          APPROVE_OTHER_BRAND,
          REFUSE_EXPIRED,
          REFUSE_PASSWORD,
          DECLINE_INSUFFICIENT_FUNDS,
          DECLINE_LIMIT_EXCEEDED,
          DECLINE_STOLEN -> {
        // answered at once
      }
    }
    return outcomeOf(record(request, behaviour));
  }

  /**
   * The scenario behind a billing key token. A card network answers this from memory; caching it
   * briefly keeps the sandbox from costing Paycron's database a query per charge.
   */
  private Optional<SandboxCard> liveCard(String token) {
    return Optional.ofNullable(
        liveCards.get(token, t -> ledger.findLiveBillingKey(t).orElse(null)));
  }

  /** Records the charge once: the same idempotency key again returns the first answer. */
  private SandboxLedger.Charge record(ChargeRequest request, SandboxCard behaviour) {
    SandboxLedger.Charge charge =
        new SandboxLedger.Charge(
            request.idempotencyKey(),
            request.billingKeyToken(),
            request.amount().minorUnits(),
            request.amount().currency().getCurrencyCode(),
            behaviour.declinesCharges() ? "declined" : "approved",
            behaviour.code,
            "sbx_" + Secrets.randomHex(10),
            0);
    boolean inserted = chargeWriter.insertOnce(charge, clock.millis());
    if (inserted) {
      return charge;
    }
    return ledger.findCharge(request.idempotencyKey()).orElse(charge);
  }

  private static ChargeOutcome outcomeOf(SandboxLedger.Charge charge) {
    if ("approved".equals(charge.outcome())) {
      return new ChargeOutcome.Approved(
          charge.transactionId(), charge.transactionId().substring(4, 12));
    }
    SandboxCard declined = SandboxCard.valueOfCode(charge.declineCode());
    return new ChargeOutcome.Declined(
        charge.declineCode(), declined.message, declined.declineClass);
  }

  @Override
  public ChargeLookup lookupCharge(String idempotencyKey) {
    pause(settings.latencyMs());
    return ledger
        .findCharge(idempotencyKey)
        .<ChargeLookup>map(charge -> new ChargeLookup.Settled(outcomeOf(charge)))
        .orElseGet(ChargeLookup.NotFound::new);
  }

  @Override
  public CancelOutcome cancel(CancelRequest request) {
    pause(settings.latencyMs());
    if (ledger.findChargeByTransaction(request.transactionId()).isEmpty()) {
      return new CancelOutcome.Refused("unknown_transaction", "존재하지 않는 거래입니다");
    }
    Boolean refunded =
        transactions.execute(
            tx ->
                ledger.refundOnce(
                    request.idempotencyKey(),
                    request.transactionId(),
                    request.amount().minorUnits(),
                    clock.millis()));
    if (!Boolean.TRUE.equals(refunded)) {
      return new CancelOutcome.Refused("exceeds_balance", "취소 가능 금액을 초과했습니다");
    }
    return new CancelOutcome.Cancelled(
        "sbxc_" + Integer.toHexString(request.idempotencyKey().hashCode()));
  }

  /** How many charges the network recorded whose idempotency key starts with the prefix. */
  public long countCharges(String idempotencyKeyPrefix) {
    return ledger.countCharges(idempotencyKeyPrefix);
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
