package io.paycron.subscription;

import io.paycron.clock.TestClockWork;
import io.paycron.clock.TestClocks;
import io.paycron.common.PollingLoop;
import io.paycron.customer.BillingKeyListener;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to subscriptions without a charge: one canceled at period end ends when that time
 * comes (a loop on the wall clock; advancing a test clock for its own), a replaced card retries a
 * past-due period at once, a deleted one ends the customer's subscriptions.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class SubscriptionLifecycle implements SmartLifecycle, TestClockWork, BillingKeyListener {

  private static final int BATCH = 200;
  private static final long POLL_MS = 1000;

  private final SubscriptionRepository subscriptions;
  private final SubscriptionBilling billing;
  private final SubscriptionPayments payments;
  private final TestClocks testClocks;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private static final long REPAIR_EVERY_MS = 60_000;
  private PollingLoop loop;
  private volatile long nextRepair;

  SubscriptionLifecycle(
      SubscriptionRepository subscriptions,
      SubscriptionBilling billing,
      SubscriptionPayments payments,
      TestClocks testClocks,
      TransactionTemplate transactions,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.billing = billing;
    this.payments = payments;
    this.testClocks = testClocks;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Ends the wall-clock subscriptions whose period-end cancellation has come; once a minute, also
   * repairs those whose booked charge settled without them moving on.
   */
  int cancelDue() {
    int done = cancel(subscriptions.dueToCancel(clock.millis(), BATCH));
    long now = clock.millis();
    if (now >= nextRepair) {
      nextRepair = now + REPAIR_EVERY_MS;
      for (SubscriptionRepository.Stuck stuck : subscriptions.stuck(now - REPAIR_EVERY_MS, BATCH)) {
        transactions.executeWithoutResult(
            tx -> payments.repair(stuck.subscription(), stuck.paid()));
        done++;
      }
    }
    return done;
  }

  private int cancel(List<Subscription> due) {
    for (Subscription s : due) {
      transactions.executeWithoutResult(
          tx ->
              billing.change(
                  s.merchantId(),
                  s.subscriptionId(),
                  current ->
                      current.cancelAt() == 0 || current.cancelAt() > billing.now(current)
                          ? null
                          : billing.cancel(current, current.cancelAt())));
    }
    return due.size();
  }

  @Override
  public OptionalLong nextDue(String merchantId, String testClockId, long upTo) {
    return subscriptions.nextCancelOnTestClock(merchantId, testClockId, upTo);
  }

  @Override
  public int runDue(String merchantId, String testClockId, long now) {
    return cancel(subscriptions.dueToCancelOnTestClock(merchantId, testClockId, now));
  }

  /** A new card for a customer whose subscription is past due or unpaid: charge it now. */
  @Override
  public void onReplaced(String merchantId, String customerUid) {
    List<Subscription> delinquent =
        subscriptions.findByCustomer(merchantId, customerUid).stream()
            .filter(s -> s.status().isDelinquent())
            .toList();
    for (Subscription s : delinquent) {
      testClocks.inTimeOf(
          merchantId, customerUid, () -> transactions.execute(tx -> payments.retryNow(s)));
      if (s.testClockId() != null) {
        testClocks.runDueNow(merchantId, s.testClockId());
      }
    }
  }

  /**
   * The card is gone, and with it every charge the subscriptions could make: they end. Runs before
   * the customer's other schedules are revoked (this class is ordered first), so the subscriptions
   * are locked before their schedules, as everywhere else.
   */
  @Override
  public List<String> onDeleted(String merchantId, String customerUid) {
    subscriptions.lockCustomer(merchantId, customerUid);
    List<String> revoked = new java.util.ArrayList<>();
    for (Subscription s : subscriptions.findByCustomer(merchantId, customerUid)) {
      billing.change(
          merchantId,
          s.subscriptionId(),
          current -> {
            if (current.status() == SubscriptionStatus.CANCELED) {
              return null;
            }
            revoked.addAll(billing.revokePending(current));
            return billing.cancel(current, billing.now(current));
          });
    }
    return revoked;
  }

  @Override
  public synchronized void start() {
    loop = new PollingLoop("paycron-subscriptions", POLL_MS, this::cancelDue);
    loop.start();
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.stop(POLL_MS * 5);
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
