package io.paycron.connector;

import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import io.paycron.gateway.DeclineClass;

/**
 * Stands in for a gateway the merchant has not configured (or no longer has): every call is refused
 * at once, before anything leaves Paycron, with a code that says so. Nothing is charged, and a
 * lookup answers "ask again later" (a configuration removed after a charge was sent must not turn
 * that charge into "never charged").
 */
record UnconfiguredGateway(String provider, String pg) implements CardGateway {

  static final String CODE = "paycron_gateway_not_configured";

  private String message() {
    return "no card gateway is configured for pg "
        + pg
        + " (operators: PUT /paycron/admin/v1/merchants/{merchant_id}/gateways/{pg})";
  }

  @Override
  public BillingKeyResult issueBillingKey(BillingKeyRequest request) {
    return new BillingKeyResult.Refused(CODE, message());
  }

  @Override
  public void deleteBillingKey(String billingKeyToken) {
    // nothing was issued through this stand-in
  }

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    // soft: a removed or mistyped configuration must not end subscriptions; dunning retries
    return new ChargeOutcome.Declined(CODE, message(), DeclineClass.SOFT);
  }

  @Override
  public ChargeLookup lookupCharge(String idempotencyKey) {
    // not "not found": a charge sent before the configuration was removed may exist there
    return new ChargeLookup.Unavailable(message());
  }

  @Override
  public CancelOutcome cancel(CancelRequest request) {
    // unknown, not refused: a refund sent before the configuration went may have gone through
    return new CancelOutcome.Unknown(message());
  }
}
