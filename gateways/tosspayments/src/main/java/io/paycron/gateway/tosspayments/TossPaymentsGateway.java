package io.paycron.gateway.tosspayments;

import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.CardData;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.gateway.DeclineClass;
import io.paycron.gateway.Money;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Toss Payments' card billing API (자동결제, key-in card data) behind Paycron's gateway SPI.
 *
 * <p>A charge is sent once, with an orderId and an {@code Idempotency-Key} derived from Paycron's
 * idempotency key ({@link TossIdentifiers}); any answer that does not settle it is {@link
 * ChargeOutcome.Unknown}, and {@link #lookupCharge} asks Toss for the order later. See
 * docs/gateways-tosspayments.md for the full mapping.
 */
public final class TossPaymentsGateway implements CardGateway {

  public static final String PROVIDER = "tosspayments";

  private static final int MAX_ORDER_NAME = 100;
  private static final int MAX_CANCEL_REASON = 200;
  private static final String DEFAULT_ORDER_NAME = "정기결제";
  private static final String DEFAULT_CANCEL_REASON = "결제 취소";
  private static final String GATEWAY_UNAVAILABLE = "gateway_unavailable";

  private final TossApi api;
  private final String description;

  TossPaymentsGateway(TossApi api, String description) {
    this.api = api;
    this.description = description;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public BillingKeyResult issueBillingKey(BillingKeyRequest request) {
    CardData card = request.card();
    Optional<YearMonth> expiry = expiry(card.expiry());
    if (expiry.isEmpty()) {
      return new BillingKeyResult.Refused("invalid_expiry", "유효기간은 YYYY-MM 형식이어야 합니다.");
    }
    String customerKey = TossIdentifiers.customerKey(request.customerKey());
    ObjectNode body =
        api.object()
            .put("customerKey", customerKey)
            .put("cardNumber", card.number())
            .put("cardExpirationYear", String.format("%02d", expiry.get().getYear() % 100))
            .put("cardExpirationMonth", String.format("%02d", expiry.get().getMonthValue()));
    // Toss requires these two only when the merchant's contract says so; send what we have.
    if (card.birth() != null && !card.birth().isBlank()) {
      body.put("customerIdentityNumber", card.birth());
    }
    if (card.passwordTwoDigits() != null && !card.passwordTwoDigits().isBlank()) {
      body.put("cardPassword", card.passwordTwoDigits());
    }
    // Toss's billing API takes no CVC, so CardData.cvc is not sent.
    TossAnswer answer = api.post("/v1/billing/authorizations/card", body, null);
    return answer.fold(
        success -> issued(success, customerKey, card),
        failure -> new BillingKeyResult.Refused(failure.code(), failure.message()),
        reason -> new BillingKeyResult.Refused(GATEWAY_UNAVAILABLE, reason));
  }

  private static BillingKeyResult issued(
      TossAnswer.Success success, String customerKey, CardData card) {
    String billingKey = TossObjects.text(success.body(), "billingKey");
    if (billingKey == null) {
      return new BillingKeyResult.Refused(
          GATEWAY_UNAVAILABLE, "Toss answered HTTP " + success.status() + " without a billingKey");
    }
    return new BillingKeyResult.Issued(
        new BillingKeyToken(customerKey, billingKey).encode(),
        TossObjects.cardInfo(success.body(), card.maskedNumber()));
  }

  private static Optional<YearMonth> expiry(String yyyyMm) {
    try {
      return Optional.of(YearMonth.parse(yyyyMm));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Does nothing at Toss. Toss documents no way to delete a billing key issued with card data: its
   * billing API guide says "발급된 빌링키를 삭제하는 기능은 제공하지 않습니다. … 데이터베이스에서 삭제하고 사용하지 않으면 됩니다." Paycron
   * drops the token from its own database, and a key nobody holds cannot be charged (a charge needs
   * the customerKey too).
   */
  @Override
  public void deleteBillingKey(String billingKeyToken) {
    // intentionally empty, see above
  }

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    if (!Money.KRW.equals(request.amount().currency())) {
      return new ChargeOutcome.Declined(
          "unsupported_currency", "토스페이먼츠 자동결제는 KRW만 지원합니다.", DeclineClass.HARD);
    }
    Optional<BillingKeyToken> token = BillingKeyToken.decode(request.billingKeyToken());
    if (token.isEmpty()) {
      return new ChargeOutcome.Declined(
          "invalid_billing_key", "토스페이먼츠에서 발급한 빌링키가 아닙니다.", DeclineClass.HARD);
    }
    String orderId = TossIdentifiers.orderId(request.idempotencyKey());
    ObjectNode body =
        api.object()
            .put("customerKey", token.get().customerKey())
            .put("amount", request.amount().minorUnits())
            .put("orderId", orderId)
            .put("orderName", clip(request.orderName(), DEFAULT_ORDER_NAME, MAX_ORDER_NAME))
            // Toss: 0 is a lump sum, 2 to 12 are months; Paycron's 0 and 1 are both a lump sum.
            .put("cardInstallmentPlan", request.quota() <= 1 ? 0 : request.quota());
    TossAnswer answer =
        api.post(
            "/v1/billing/" + TossApi.segment(token.get().billingKey()),
            body,
            TossIdentifiers.chargeIdempotencyKey(request.idempotencyKey()));
    return answer.fold(
        success -> TossObjects.chargeOutcome(success.body(), orderId),
        failure -> chargeFailure(failure, orderId),
        ChargeOutcome.Unknown::new);
  }

  private ChargeOutcome chargeFailure(TossAnswer.Failure failure, String orderId) {
    if (failure.leavesOutcomeOpen()) {
      return new ChargeOutcome.Unknown(failure.summary());
    }
    if (TossErrorCodes.alreadyProcessed(failure.code())) {
      // An earlier send of this very charge reached Toss: its outcome is the answer.
      ChargeLookup lookup = lookupOrder(orderId);
      if (lookup instanceof ChargeLookup.Settled settled) {
        return settled.outcome();
      }
      return new ChargeOutcome.Unknown(
          failure.code()
              + "; lookup: "
              + (lookup instanceof ChargeLookup.Unavailable unavailable
                  ? unavailable.reason()
                  : "Toss finds no such order"));
    }
    return new ChargeOutcome.Declined(
        failure.code(), failure.message(), TossErrorCodes.declineClass(failure.code()));
  }

  @Override
  public ChargeLookup lookupCharge(String idempotencyKey) {
    return lookupOrder(TossIdentifiers.orderId(idempotencyKey));
  }

  private ChargeLookup lookupOrder(String orderId) {
    TossAnswer answer = api.get("/v1/payments/orders/" + TossApi.segment(orderId));
    return answer.fold(
        success -> settled(TossObjects.chargeOutcome(success.body(), orderId)),
        // Only Toss's own "no such payment" proves the order never reached it; any other
        // refusal (an auth error, say) proves nothing, so ask again later.
        failure ->
            failure.status() == 404 && "NOT_FOUND_PAYMENT".equals(failure.code())
                ? new ChargeLookup.NotFound()
                : new ChargeLookup.Unavailable(failure.summary()),
        ChargeLookup.Unavailable::new);
  }

  private static ChargeLookup settled(ChargeOutcome outcome) {
    if (outcome instanceof ChargeOutcome.Unknown unknown) {
      return new ChargeLookup.Unavailable(unknown.reason());
    }
    return new ChargeLookup.Settled(outcome);
  }

  /**
   * Refunds all or part of a charge. {@code cancelAmount} is always sent, also for a full refund,
   * so that the same Idempotency-Key always carries the same body.
   */
  @Override
  public CancelOutcome cancel(CancelRequest request) {
    if (!Money.KRW.equals(request.amount().currency())) {
      return new CancelOutcome.Refused("unsupported_currency", "토스페이먼츠 자동결제는 KRW만 지원합니다.");
    }
    ObjectNode body =
        api.object()
            .put("cancelReason", clip(request.reason(), DEFAULT_CANCEL_REASON, MAX_CANCEL_REASON))
            .put("cancelAmount", request.amount().minorUnits());
    TossAnswer answer =
        api.post(
            "/v1/payments/" + TossApi.segment(request.transactionId()) + "/cancel",
            body,
            TossIdentifiers.cancelIdempotencyKey(request.idempotencyKey()));
    return answer.fold(
        TossPaymentsGateway::cancelled,
        failure ->
            failure.leavesOutcomeOpen()
                ? new CancelOutcome.Unknown(failure.summary())
                : new CancelOutcome.Refused(failure.code(), failure.message()),
        CancelOutcome.Unknown::new);
  }

  private static CancelOutcome cancelled(TossAnswer.Success success) {
    String status = TossObjects.text(success.body(), "status");
    if (!"CANCELED".equals(status) && !"PARTIAL_CANCELED".equals(status)) {
      return new CancelOutcome.Unknown("Toss answered a cancel with a Payment that is " + status);
    }
    return TossObjects.cancelTransactionKey(success.body())
        .<CancelOutcome>map(CancelOutcome.Cancelled::new)
        .orElseGet(() -> new CancelOutcome.Unknown("Toss cancel answer without a transaction key"));
  }

  /** Toss counts characters; cut at a code point so no surrogate pair is split. */
  private static String clip(String value, String fallback, int maxLength) {
    String text = value == null || value.isBlank() ? fallback : value.strip();
    if (text.codePointCount(0, text.length()) <= maxLength) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxLength));
  }

  @Override
  public String toString() {
    return description;
  }
}
