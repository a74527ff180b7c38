package io.paycron.payment;

import io.paycron.gateway.Money;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.webhook.WebhookSettings;
import java.util.Currency;
import java.util.Optional;

/** Reads the charge parameters shared by onetime, again and each schedule of a schedule call. */
public final class ChargeInput {

  private static final int MAX_ID_LENGTH = 200;
  private static final long INSTALLMENT_MINIMUM_KRW = 50_000;

  private ChargeInput() {}

  /** Reads and checks every charge parameter before anything is stored or sent. */
  public static ChargeCommand command(ApiRequest request, String customerUid) {
    String merchantUid = identifier(request, "merchant_uid");
    Currency currency = request.currency("currency");
    Money amount = request.requiredPositiveMoney("amount", currency);
    for (String part : new String[] {"tax_free", "vat_amount"}) {
      Optional<Money> value = request.optionalMoney(part, currency);
      if (value.isPresent() && value.get().minorUnits() > amount.minorUnits()) {
        throw new ApiException.InvalidRequest(part + ": must not be more than amount");
      }
    }
    int quota = request.integer("card_quota").orElse(0);
    if (quota < 0 || quota > 36) {
      throw new ApiException.InvalidRequest("card_quota: must be between 0 and 36");
    }
    if (quota >= 2 && currency.equals(Money.KRW) && amount.minorUnits() < INSTALLMENT_MINIMUM_KRW) {
      throw new ApiException.InvalidRequest(
          "card_quota: installments need an amount of at least 50,000 KRW");
    }
    for (String flag :
        new String[] {"interest_free_by_merchant", "use_card_point", "escrow_confirmed"}) {
      request.bool(flag);
    }
    if (request.integer("product_count").orElse(0) < 0) {
      throw new ApiException.InvalidRequest("product_count: must not be negative");
    }
    for (String text :
        new String[] {"browser_ip", "product_type", "cash_receipt_type", "promotion_id"}) {
      request.string(text);
    }
    request.object("extra");
    return new ChargeCommand(
        merchantUid,
        amount,
        request.string("name").orElse(null),
        new Buyer(
            request.string("buyer_name").orElse(null),
            request.string("buyer_email").orElse(null),
            request.string("buyer_tel").orElse(null),
            request.string("buyer_addr").orElse(null),
            request.string("buyer_postcode").orElse(null)),
        request.stringOrJson("custom_data").orElse(null),
        noticeUrl(request),
        quota,
        customerUid);
  }

  /** A required id (merchant_uid, customer_uid): printable and of sane length. */
  public static String identifier(ApiRequest request, String field) {
    String value = request.requiredString(field);
    if (value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException.InvalidRequest(
          field + ": must be at most " + MAX_ID_LENGTH + " printable characters");
    }
    return value;
  }

  private static String noticeUrl(ApiRequest request) {
    return request
        .string("notice_url")
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(ChargeInput::validNoticeUrl)
        .orElse(null);
  }

  private static String validNoticeUrl(String url) {
    try {
      return WebhookSettings.validUrl(url);
    } catch (ApiException.InvalidRequest e) {
      throw new ApiException.InvalidRequest("notice_url: must be an http or https URL");
    }
  }
}
