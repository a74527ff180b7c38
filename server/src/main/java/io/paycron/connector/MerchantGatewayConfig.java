package io.paycron.connector;

/**
 * A merchant's stored configuration of one gateway. {@code credentials} is the sealed JSON of the
 * provider's secrets; it is opened only to build the connector and is never answered or logged.
 */
record MerchantGatewayConfig(
    String merchantId,
    String pg,
    String provider,
    String baseUrl,
    String sealedCredentials,
    boolean isDefault,
    long createdAt,
    long updatedAt) {

  /** The merchant id at the provider that the pg value names ({@code tosspayments.{mid}}). */
  String mid() {
    return midOf(pg);
  }

  /** The provider a pg value names: {@code tosspayments} of {@code tosspayments.{mid}}. */
  static String providerOf(String pg) {
    int dot = pg.indexOf('.');
    return dot < 0 ? pg : pg.substring(0, dot);
  }

  /** The MID a pg value names, or null: {@code {mid}} of {@code tosspayments.{mid}}. */
  static String midOf(String pg) {
    int dot = pg.indexOf('.');
    return dot < 0 ? null : pg.substring(dot + 1);
  }

  /** What SecretBox binds the sealed credentials to: this merchant's configuration of this pg. */
  static String owner(String merchantId, String pg) {
    return merchantId + "/gateways/" + pg;
  }
}
