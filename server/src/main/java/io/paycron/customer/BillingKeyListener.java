package io.paycron.customer;

import java.util.List;

/** Told, inside the deleting transaction, that a billing key is gone. */
public interface BillingKeyListener {

  /** Returns the merchant_uids of schedules it revoked because of the deletion. */
  List<String> onDeleted(String merchantId, String customerUid);
}
