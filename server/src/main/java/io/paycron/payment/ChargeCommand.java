package io.paycron.payment;

import io.paycron.customer.CustomerDetails;
import io.paycron.gateway.Money;

/** What a merchant asked to charge, validated. */
public record ChargeCommand(
    String merchantUid,
    Money amount,
    String name,
    Buyer buyer,
    String customData,
    String noticeUrl,
    int cardQuota,
    String customerUid) {

  /** Buyer fields the merchant left out are taken from the billing key's customer. */
  public ChargeCommand withBuyerDefaultsOf(CustomerDetails customer) {
    Buyer merged =
        new Buyer(
            or(buyer.name(), customer.name()),
            or(buyer.email(), customer.email()),
            or(buyer.tel(), customer.tel()),
            or(buyer.addr(), customer.addr()),
            or(buyer.postcode(), customer.postcode()));
    return new ChargeCommand(
        merchantUid, amount, name, merged, customData, noticeUrl, cardQuota, customerUid);
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
