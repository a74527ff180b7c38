package io.paycron.schedule;

import io.paycron.clock.TestClocks;
import io.paycron.customer.BillingKey;
import io.paycron.customer.BillingKeyService;
import io.paycron.customer.CustomerDetails;
import io.paycron.gateway.Money;
import io.paycron.merchant.MerchantDirectory;
import io.paycron.payment.Buyer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules that Paycron books itself (a subscription's charges), in the caller's transaction. They
 * are ordinary i'mport schedules: the V1 schedule queries list them and their payments are ordinary
 * payments.
 */
@Service
public class ScheduleBook {

  /** One charge to book for a customer's billing key. */
  public record Booking(
      String merchantId,
      String merchantUid,
      String customerUid,
      long scheduleAt,
      Money amount,
      String name,
      String customData) {}

  private final ScheduleRepository schedules;
  private final BillingKeyService billingKeys;
  private final MerchantDirectory merchants;
  private final TestClocks testClocks;
  // a provider: the executor charges through payments, whose listeners include a subscription's
  // billing, which books through here
  private final ObjectProvider<ScheduleExecutor> executor;
  private final Clock clock;

  ScheduleBook(
      ScheduleRepository schedules,
      BillingKeyService billingKeys,
      MerchantDirectory merchants,
      TestClocks testClocks,
      ObjectProvider<ScheduleExecutor> executor,
      Clock clock) {
    this.schedules = schedules;
    this.billingKeys = billingKeys;
    this.merchants = merchants;
    this.testClocks = testClocks;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Books the charge (or brings back a revoked one with this merchant_uid). False when the customer
   * has no billing key or the merchant_uid names another schedule that is not revoked.
   */
  public boolean book(Booking b) {
    Optional<BillingKey> key = billingKeys.find(merchants.get(b.merchantId()), b.customerUid());
    if (key.isEmpty()) {
      return false;
    }
    CustomerDetails customer = key.get().customer();
    long now = clock.millis();
    Schedule schedule =
        new Schedule(
            b.merchantId(),
            b.merchantUid(),
            b.customerUid(),
            customer.customerId(),
            b.scheduleAt(),
            b.amount(),
            b.name(),
            new Buyer(
                customer.name(),
                customer.email(),
                customer.tel(),
                customer.addr(),
                customer.postcode()),
            b.customData(),
            null,
            0,
            null,
            key.get().pgProvider(),
            key.get().pgId(),
            ScheduleStatus.SCHEDULED,
            null,
            null,
            null,
            0,
            0,
            now,
            1,
            testClocks.clockOf(b.merchantId(), b.customerUid()).orElse(null));
    boolean booked = schedules.book(schedule, now);
    if (booked && schedule.testClockId() == null && b.scheduleAt() <= now) {
      wakeAfterCommit();
    }
    return booked;
  }

  /** Revokes these schedules if they are still pending; returns those it revoked. */
  public List<String> revoke(String merchantId, List<String> merchantUids) {
    if (merchantUids.isEmpty()) {
      return List.of();
    }
    return schedules.revoke(merchantId, null, merchantUids, clock.millis()).stream()
        .map(Schedule::merchantUid)
        .toList();
  }

  /** Changes what a pending schedule will charge; false when it is no longer pending. */
  public boolean amend(
      String merchantId, String merchantUid, String customerUid, Money amount, String name) {
    return schedules.amend(merchantId, merchantUid, customerUid, amount, name, clock.millis());
  }

  private void wakeAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      executor.getObject().wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            executor.getObject().wake();
          }
        });
  }
}
