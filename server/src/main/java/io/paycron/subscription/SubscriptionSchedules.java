package io.paycron.subscription;

import io.paycron.schedule.ScheduleOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** A subscription's charges, booked or still to come: {@code {subscription_id}-p{n}[-r{k}]}. */
  private static final Pattern CHARGE_UID = Pattern.compile("(.+)-p[0-9]+(-r[0-9]+)?");

  @Override
  public Optional<String> ownerOf(String merchantId, String merchantUid) {
    Optional<String> booked =
        subscriptions.findCharge(merchantId, merchantUid).map(SubscriptionCharge::subscriptionId);
    if (booked.isPresent()) {
      return booked.map(id -> "subscription " + id);
    }
    Matcher future = CHARGE_UID.matcher(merchantUid);
    return future.matches() && subscriptions.find(merchantId, future.group(1)).isPresent()
        ? Optional.of("subscription " + future.group(1) + " (reserved for its charges)")
        : Optional.empty();
  }

  @Override
  public void lockCustomer(String merchantId, String customerUid) {
    subscriptions.lockCustomer(merchantId, customerUid);
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
