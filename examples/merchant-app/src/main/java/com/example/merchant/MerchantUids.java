package com.example.merchant;

import java.util.Objects;

/**
 * The merchant_uid of every charge of a subscription: {@code {customer_uid}_{sequence:0000}} for a
 * period's payment ({@code gildong_0001}), {@code {customer_uid}_{sequence:0000}_retry{n}} for its
 * n-th retry ({@code gildong_0001_retry1}).
 *
 * <p>Every charge gets a merchant_uid of its own. i'mport's recurring example schedules every month
 * as {@code order_monthly_0001}; Paycron (like i'mport) refuses a schedule whose merchant_uid
 * already exists, and a merchant_uid that was paid is never charged again, so the second month
 * would be refused. It would also make the order book ambiguous: one id for several payments.
 */
final class MerchantUids {

  private MerchantUids() {}

  /** The first attempt of period {@code sequence} (1, 2, …). */
  static String payment(String customerUid, int sequence) {
    requireCustomer(customerUid);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence: starts at 1, got " + sequence);
    }
    return String.format("%s_%04d", customerUid, sequence);
  }

  /** The {@code retry}-th retry (1, 2, …) of period {@code sequence}. */
  static String retry(String customerUid, int sequence, int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: starts at 1, got " + retry);
    }
    return payment(customerUid, sequence) + "_retry" + retry;
  }

  private static void requireCustomer(String customerUid) {
    if (Objects.requireNonNull(customerUid, "customerUid").isBlank()) {
      throw new IllegalArgumentException("customerUid: must not be blank");
    }
  }
}
