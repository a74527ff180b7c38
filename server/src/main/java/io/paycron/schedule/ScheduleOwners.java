package io.paycron.schedule;

import java.util.List;
import java.util.Optional;

/**
 * A feature that books schedules of its own (subscriptions): the V1 endpoints do not move, retry or
 * revoke those one by one behind its back, and it is told when a customer-wide unschedule took
 * some.
 */
public interface ScheduleOwners {

  /** What owns this merchant_uid (e.g. "subscription sub_42"), if anything. */
  Optional<String> ownerOf(String merchantId, String merchantUid);

  /**
   * Called in the revoking transaction before a customer's schedules are revoked: an owner locks
   * what it will change, in the order it always locks in (its rows, then schedules).
   */
  default void lockCustomer(String merchantId, String customerUid) {}

  /** Told, in the revoking transaction, that these schedules were revoked by the merchant. */
  void onRevoked(String merchantId, List<String> merchantUids);
}
