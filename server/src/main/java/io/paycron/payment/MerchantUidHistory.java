package io.paycron.payment;

/**
 * What a merchant_uid's payments so far say about charging it now. A live one (ready, paid or
 * cancelled) spends it; failed ones do not (i'mport lets a failed merchant_uid be charged again),
 * and they number the next attempt, which names the charge at the gateway.
 */
record MerchantUidHistory(boolean live, int failed) {

  /** A merchant_uid never charged. */
  static final MerchantUidHistory NONE = new MerchantUidHistory(false, 0);

  /**
   * The number of the next charge of this merchant_uid: with at most one live payment per
   * merchant_uid, every earlier one failed, so this is unique for the merchant_uid and is what a
   * restored backup counts again for a charge made after it.
   */
  int nextAttempt() {
    return failed + 1;
  }
}
