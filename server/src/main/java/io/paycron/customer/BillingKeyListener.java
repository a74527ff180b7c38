package io.paycron.customer;

import java.util.List;

/** Told when a customer's billing key is replaced or deleted. */
public interface BillingKeyListener {

  /** The customer has a new card (told after it is stored). */
  default void onReplaced(String merchantId, String customerUid) {}

  /**
   * Told inside the deleting transaction; returns the merchant_uids of schedules it revoked because
   * of the deletion.
   */
  List<String> onDeleted(String merchantId, String customerUid);
}
