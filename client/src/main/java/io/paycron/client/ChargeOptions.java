package io.paycron.client;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The optional fields shared by {@code onetime}, {@code again} and each scheduled payment (API.md
 * §4, §5). Unset ({@code null}) fields are not sent, so the server's defaults apply: currency KRW,
 * buyer fields from the stored customer, lump sum. Build with {@link #builder()}.
 *
 * <p>{@code productCount}, {@code cashReceiptType} and {@code extra} are documented for {@code
 * again} and schedules only; {@code onetime} ignores them.
 *
 * @param customData a string; serialize structured data yourself
 * @param noticeUrl where the webhook for this payment goes. For {@code onetime}/{@code again} a
 *     webhook is sent only when this is set.
 * @param cardQuota installment months; 0 or 1 is a lump sum, 2 or more needs at least 50,000 KRW
 */
public record ChargeOptions(
    String name,
    String currency,
    BigDecimal taxFree,
    BigDecimal vatAmount,
    String buyerName,
    String buyerEmail,
    String buyerTel,
    String buyerAddr,
    String buyerPostcode,
    Integer cardQuota,
    Boolean interestFreeByMerchant,
    Boolean useCardPoint,
    String customData,
    String noticeUrl,
    String browserIp,
    String productType,
    Integer productCount,
    String cashReceiptType,
    Long promotionId,
    Map<String, Object> bypass,
    Map<String, Object> extra) {

  /** No options: every server default applies. */
  public static final ChargeOptions NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** Collects {@link ChargeOptions}; every setter is optional. */
  public static final class Builder {
    private String name;
    private String currency;
    private BigDecimal taxFree;
    private BigDecimal vatAmount;
    private String buyerName;
    private String buyerEmail;
    private String buyerTel;
    private String buyerAddr;
    private String buyerPostcode;
    private Integer cardQuota;
    private Boolean interestFreeByMerchant;
    private Boolean useCardPoint;
    private String customData;
    private String noticeUrl;
    private String browserIp;
    private String productType;
    private Integer productCount;
    private String cashReceiptType;
    private Long promotionId;
    private Map<String, Object> bypass;
    private Map<String, Object> extra;

    private Builder() {}

    /** The order name shown to the buyer. */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** ISO 4217 code; KRW when unset. */
    public Builder currency(String value) {
      currency = value;
      return this;
    }

    public Builder taxFree(BigDecimal value) {
      taxFree = value;
      return this;
    }

    public Builder vatAmount(BigDecimal value) {
      vatAmount = value;
      return this;
    }

    /** The buyer's name, email and phone number; {@code null} keeps the customer's. */
    public Builder buyer(String name, String email, String tel) {
      buyerName = name;
      buyerEmail = email;
      buyerTel = tel;
      return this;
    }

    public Builder buyerAddress(String addr, String postcode) {
      buyerAddr = addr;
      buyerPostcode = postcode;
      return this;
    }

    public Builder cardQuota(int months) {
      cardQuota = months;
      return this;
    }

    public Builder interestFreeByMerchant(boolean value) {
      interestFreeByMerchant = value;
      return this;
    }

    public Builder useCardPoint(boolean value) {
      useCardPoint = value;
      return this;
    }

    public Builder customData(String value) {
      customData = value;
      return this;
    }

    public Builder noticeUrl(String value) {
      noticeUrl = value;
      return this;
    }

    public Builder browserIp(String value) {
      browserIp = value;
      return this;
    }

    /** {@code digital} or {@code real}. */
    public Builder productType(String value) {
      productType = value;
      return this;
    }

    public Builder productCount(int value) {
      productCount = value;
      return this;
    }

    /** {@code personal} or {@code company}. */
    public Builder cashReceiptType(String value) {
      cashReceiptType = value;
      return this;
    }

    public Builder promotionId(long value) {
      promotionId = value;
      return this;
    }

    /** Gateway-specific parameters, passed through as a JSON object. */
    public Builder bypass(Map<String, Object> value) {
      bypass = value == null ? null : Map.copyOf(value);
      return this;
    }

    public Builder extra(Map<String, Object> value) {
      extra = value == null ? null : Map.copyOf(value);
      return this;
    }

    public ChargeOptions build() {
      return new ChargeOptions(
          name,
          currency,
          taxFree,
          vatAmount,
          buyerName,
          buyerEmail,
          buyerTel,
          buyerAddr,
          buyerPostcode,
          cardQuota,
          interestFreeByMerchant,
          useCardPoint,
          customData,
          noticeUrl,
          browserIp,
          productType,
          productCount,
          cashReceiptType,
          promotionId,
          bypass,
          extra);
    }
  }
}
