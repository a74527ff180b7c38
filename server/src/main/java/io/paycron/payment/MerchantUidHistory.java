package io.paycron.payment;

/**
 * What a merchant_uid's payments so far say about charging it now. A live one (ready, paid or
 * cancelled) spends it; failed ones do not (i'mport lets a failed merchant_uid be charged again).
 * The attempts the gateway declined number the next attempt, which names the charge at the gateway;
 * failures the gateway never saw give their number back.
 */
record MerchantUidHistory(boolean live, int declined) {

  /** A merchant_uid never charged. */
  static final MerchantUidHistory NONE = new MerchantUidHistory(false, 0);

  /**
   * The number of the next charge of this merchant_uid: with at most one live payment per
   * merchant_uid, every earlier one failed; each number the gateway answered is used once, and one
   * it never charged is taken again (its attempt's key was renamed aside). So the number is unique
   * among the keys the gateway has seen, and a restored backup counts again to the same number for
   * a charge made after it.
   */
  int nextAttempt() {
    return declined + 1;
  }
}
