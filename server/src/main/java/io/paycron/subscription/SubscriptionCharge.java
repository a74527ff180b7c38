package io.paycron.subscription;

/**
 * One charge a subscription made for a period: the first ({@code attempt} 0) or a retry. Its
 * merchant_uid is derived, so the same period and attempt always get the same one.
 */
record SubscriptionCharge(
    String merchantId,
    String merchantUid,
    String subscriptionId,
    int period,
    int attempt,
    String planId,
    long periodStart,
    long periodEnd) {

  /** {@code {subscription_id}-p{period}}, and {@code -r{attempt}} for a retry. */
  static String merchantUid(String subscriptionId, int period, int attempt) {
    return subscriptionId + "-p" + period + (attempt == 0 ? "" : "-r" + attempt);
  }
}
