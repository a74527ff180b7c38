package io.paycron.subscription;

import io.paycron.schedule.ScheduleOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Subscriptions own the schedules they book: the V1 endpoints may read them but not move, retry or
 * revoke them one by one; a customer-wide unschedule that takes a subscription's booked charge
 * pauses the subscription (resume books again), so it never claims a charge that will not come.
 */
@Component
class SubscriptionSchedules implements ScheduleOwners {

  private final SubscriptionRepository subscriptions;
  private final SubscriptionBilling billing;

  SubscriptionSchedules(SubscriptionRepository subscriptions, SubscriptionBilling billing) {
    this.subscriptions = subscriptions;
    this.billing = billing;
  }

  @Override
  public Optional<String> ownerOf(String merchantId, String merchantUid) {
    return subscriptions
        .findCharge(merchantId, merchantUid)
        .map(c -> "subscription " + c.subscriptionId());
  }

  @Override
  public void onRevoked(String merchantId, List<String> merchantUids) {
    List<String[]> keys = new ArrayList<>();
    merchantUids.forEach(uid -> keys.add(new String[] {merchantId, uid}));
    for (SubscriptionCharge charge : subscriptions.findCharges(keys)) {
      billing.change(
          merchantId,
          charge.subscriptionId(),
          s ->
              charge.merchantUid().equals(s.pendingMerchantUid())
                  ? SubscriptionBilling.Decision.of(
                      s.change()
                          .status(SubscriptionStatus.PAUSED)
                          .pending(null, 0)
                          .build(billing.now(s)),
                      SubscriptionEvents.PAUSED)
                  : null);
    }
  }
}
