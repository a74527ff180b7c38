package io.paycron.gateway.portone;

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
import io.paycron.gateway.Money;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A {@link CardGateway} over PortOne's V2 REST API for one store and one channel.
 *
 * <p>Exactly-once charging rests on the paymentId: Paycron's idempotency key becomes a fixed
 * paymentId ({@link PortOneIds#paymentId}), PortOne refuses to pay a paymentId twice ({@code
 * ALREADY_PAID}), and reconciliation reads the same paymentId back. A charge is sent once; when its
 * answer is lost the outcome is {@link ChargeOutcome.Unknown} and {@link #lookupCharge} settles it.
 *
 * <p>The {@code transactionId} of an approved charge is the paymentId, because PortOne cancels by
 * paymentId.
 */
public final class PortOneV2Gateway implements CardGateway {

  private static final Pattern EXPIRY = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final PortOneHttp http;
  private final PortOneRequests requests;

  PortOneV2Gateway(PortOneHttp http, PortOneRequests requests) {
    this.http = http;
    this.requests = requests;
  }

  @Override
  public String provider() {
    return PortOneV2GatewayFactory.PROVIDER;
  }

  @Override
  public BillingKeyResult issueBillingKey(BillingKeyRequest request) {
    CardData card = request.card();
    if (!EXPIRY.matcher(card.expiry()).matches()) {
      return new BillingKeyResult.Refused("invalid_expiry", "유효기간은 YYYY-MM 형식이어야 합니다");
    }
    PortOneAnswer answer;
    try {
      answer =
          http.post(
              "issueBillingKey",
              "/billing-keys",
              requests.issueBillingKey(request.customerKey(), card, card.expiry()),
              null);
    } catch (PortOneUnreachable e) {
      // nothing is charged by a billing key, so asking the merchant to try again is safe
      return new BillingKeyResult.Refused(
          "gateway_unavailable", e.getMessage() + "; try again later");
    }
    String billingKey = Json.text(answer.path("billingKeyInfo"), "billingKey");
    if (!answer.isSuccess() || billingKey == null) {
      return PortOneAnswers.billingKeyRefusal(answer);
    }
    return new BillingKeyResult.Issued(billingKey, cardInfo(billingKey, card.maskedNumber()));
  }

  /** The issue answer carries no card details; the billing key's own record does. */
  private CardInfo cardInfo(String billingKey, String maskedNumber) {
    try {
      return PortOneAnswers.cardInfo(
          http.get("getBillingKeyInfo", billingKeyPath(billingKey) + requests.storeQuery()),
          maskedNumber);
    } catch (PortOneUnreachable e) {
      return PortOneAnswers.withoutDetails(maskedNumber); // the key is issued all the same
    }
  }

  @Override
  public void deleteBillingKey(String billingKeyToken) {
    PortOneAnswer answer =
        http.delete("deleteBillingKey", billingKeyPath(billingKeyToken) + requests.storeQuery());
    if (answer.isSuccess()
        || answer.isError("BILLING_KEY_NOT_FOUND")
        || answer.isError("BILLING_KEY_ALREADY_DELETED")) {
      return;
    }
    throw new IllegalStateException("PortOne did not delete the billing key: " + answer.describe());
  }

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    Optional<ChargeOutcome.Declined> unsupported = unsupportedCurrency(request.amount());
    if (unsupported.isPresent()) {
      return unsupported.get();
    }
    String paymentId = PortOneIds.paymentId(request.idempotencyKey());
    PortOneAnswer answer;
    try {
      answer =
          http.post(
              "payWithBillingKey",
              paymentPath(paymentId) + "/billing-key",
              requests.payWithBillingKey(request),
              null);
    } catch (PortOneUnreachable e) {
      return new ChargeOutcome.Unknown(e.getMessage());
    }
    if (answer.isSuccess()) {
      return answer.path("payment").isObject()
          ? new ChargeOutcome.Approved(paymentId, null)
          : new ChargeOutcome.Unknown("PortOne answered the charge with an unreadable body");
    }
    if (answer.isError("ALREADY_PAID")) {
      // this paymentId was paid by an earlier request of the same charge: report that payment
      ChargeLookup found = lookupCharge(request.idempotencyKey());
      return found instanceof ChargeLookup.Settled settled
          ? settled.outcome()
          : new ChargeOutcome.Unknown("PortOne says already paid; lookup: " + found);
    }
    if (answer.isError("IDEMPOTENCY_OUTSTANDING_REQUEST")) {
      return new ChargeOutcome.Unknown("PortOne is still processing this payment");
    }
    if (answer.isError("PG_PROVIDER")) {
      // the PG's error, usually a plain decline; but a PG that lost its issuer's answer after an
      // approval reports an error too, so PortOne's own record of the payment decides when it
      // says paid
      ChargeLookup found = lookupCharge(request.idempotencyKey());
      if (found instanceof ChargeLookup.Settled settled
          && settled.outcome() instanceof ChargeOutcome.Approved approved) {
        return approved;
      }
      return PortOneAnswers.declined(answer);
    }
    if (PortOneAnswers.isDefiniteRefusal(answer)) {
      return PortOneAnswers.declined(answer);
    }
    // a 5xx or a body PortOne did not write: the card may have been charged
    return new ChargeOutcome.Unknown("PortOne answered " + answer.describe());
  }

  /**
   * PortOne's amounts are integers. For KRW (and other currencies without minor units) that is
   * exactly Paycron's amount; for a currency with cents the unit PortOne expects is not documented,
   * and guessing wrong charges 100 times too much or too little.
   */
  private static Optional<ChargeOutcome.Declined> unsupportedCurrency(Money amount) {
    if (amount.currency().getDefaultFractionDigits() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ChargeOutcome.Declined(
            "unsupported_currency",
            "the PortOne connector charges only currencies without minor units (e.g. KRW), not "
                + amount.currency().getCurrencyCode(),
            DeclineClass.HARD));
  }

  @Override
  public ChargeLookup lookupCharge(String idempotencyKey) {
    String paymentId = PortOneIds.paymentId(idempotencyKey);
    try {
      return PortOneAnswers.lookup(
          http.get("getPayment", paymentPath(paymentId) + requests.storeQuery()), paymentId);
    } catch (PortOneUnreachable e) {
      return new ChargeLookup.Unavailable(e.getMessage());
    }
  }

  /**
   * Refunds through {@code POST /payments/{paymentId}/cancel}. PortOne's cancel takes no id from
   * the caller, so a repeated request must not refund twice by two means:
   *
   * <ol>
   *   <li>the reason carries a tag derived from Paycron's key, and before cancelling the payment's
   *       {@code cancellations} are searched for it: an earlier request that went through is
   *       answered from there, however long ago it was sent;
   *   <li>the request carries PortOne's {@code Idempotency-Key} header, derived from the same key,
   *       which covers an earlier request still in flight when the search ran.
   * </ol>
   */
  @Override
  public CancelOutcome cancel(CancelRequest request) {
    String paymentId = request.transactionId();
    String tag = PortOneIds.cancelTag(request.idempotencyKey());
    try {
      PortOneAnswer payment =
          http.get("getPayment", paymentPath(paymentId) + requests.storeQuery());
      if (payment.status() == 404 && payment.isError("PAYMENT_NOT_FOUND")) {
        return PortOneAnswers.cancelRefusal(payment);
      }
      if (!payment.isSuccess() || payment.body() == null) {
        // without the payment's cancellations a send could repeat an earlier refund
        return new CancelOutcome.Unknown(
            "could not read the payment before cancelling: PortOne answered " + payment.describe());
      }
      Optional<JsonNode> earlier = PortOneAnswers.taggedCancellation(payment.body(), tag);
      if (earlier.isPresent()) {
        return PortOneAnswers.cancellation(earlier.get());
      }
      return sendCancel(paymentId, request, tag);
    } catch (PortOneUnreachable e) {
      return new CancelOutcome.Unknown(e.getMessage());
    }
  }

  private CancelOutcome sendCancel(String paymentId, CancelRequest request, String tag) {
    PortOneAnswer answer =
        http.post(
            "cancelPayment",
            paymentPath(paymentId) + "/cancel",
            requests.cancel(request.amount().minorUnits(), request.reason(), tag),
            PortOneIds.cancelIdempotencyKey(request.idempotencyKey()));
    if (answer.isSuccess()) {
      JsonNode cancellation = answer.path("cancellation");
      return cancellation.isObject()
          ? PortOneAnswers.cancellation(cancellation)
          : new CancelOutcome.Unknown("PortOne answered the cancel with an unreadable body");
    }
    if (answer.isError("IDEMPOTENCY_OUTSTANDING_REQUEST")) {
      return new CancelOutcome.Unknown("PortOne is still processing this cancel");
    }
    if (PortOneAnswers.isDefiniteRefusal(answer)) {
      return PortOneAnswers.cancelRefusal(answer);
    }
    return new CancelOutcome.Unknown("PortOne answered " + answer.describe());
  }

  private static String paymentPath(String paymentId) {
    return "/payments/" + PortOneIds.pathSegment(paymentId);
  }

  private static String billingKeyPath(String billingKey) {
    return "/billing-keys/" + PortOneIds.pathSegment(billingKey);
  }
}
