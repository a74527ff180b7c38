package io.paycron.payment;

import io.paycron.PaycronProperties;
import io.paycron.connector.Gateways;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.Money;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Settles what the gateway left unanswered by asking it, never by charging again: unknown attempts,
 * attempts whose node died while sending, and refunds with an unknown outcome.
 *
 * <p>"Not found" is believed only once the attempt is older than the gateway timeout, so a charge
 * that is still on its way is not declared uncharged.
 */
@Component
public class Reconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int BATCH = 200;
  private static final int MAX_ROUNDS = 50;

  private final PaymentRepository payments;
  private final OutcomeRecorder recorder;
  private final CancelService cancels;
  private final ChargeService charges;
  private final Gateways gateways;
  private final Clock clock;
  private final Duration interval;
  private final Duration gatewayTimeout;
  private ScheduledExecutorService executor;

  Reconciler(
      PaymentRepository payments,
      OutcomeRecorder recorder,
      CancelService cancels,
      ChargeService charges,
      Gateways gateways,
      Clock clock,
      PaycronProperties properties) {
    this.payments = payments;
    this.recorder = recorder;
    this.cancels = cancels;
    this.charges = charges;
    this.gateways = gateways;
    this.clock = clock;
    this.interval = properties.reconcileInterval();
    this.gatewayTimeout = properties.gatewayTimeout();
  }

  /** One pass; returns how many attempts and refunds it settled. */
  public int reconcileNow() {
    long now = clock.millis();
    long staleBefore = now - gatewayTimeout.multipliedBy(2).toMillis();
    int settled = 0;
    // a dead node can leave hundreds of attempts: keep going until none is left to settle
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<PaymentRepository.UnsettledAttempt> batch = payments.findUnsettled(staleBefore, BATCH);
      int done = settle(batch, now);
      settled += done;
      if (batch.size() < BATCH || done == 0) {
        break;
      }
    }
    for (PaymentRepository.UnknownRefund refund : payments.findUnknownRefunds(BATCH)) {
      CancelOutcome outcome =
          gateways
              .byProvider(refund.pgProvider())
              .cancel(
                  new CancelRequest(
                      refund.merchantId() + ":" + refund.cancellationId(),
                      refund.transactionId(),
                      Money.of(refund.amount(), Currency.getInstance(refund.currency())),
                      refund.reason()));
      if (!(outcome instanceof CancelOutcome.Unknown)) {
        cancels.settle(
            refund.merchantId(),
            refund.impUid(),
            refund.cancellationId(),
            refund.amount(),
            refund.reason(),
            refund.sendWebhook(),
            outcome);
        settled++;
      }
    }
    return settled;
  }

  /** Asks the gateway about each attempt and records what it knows, one transaction per batch. */
  private int settle(List<PaymentRepository.UnsettledAttempt> batch, long now) {
    List<OutcomeRecorder.Outcome> known = new ArrayList<>();
    int settled = 0;
    for (PaymentRepository.UnsettledAttempt attempt : batch) {
      ChargeLookup lookup =
          gateways.byProvider(attempt.pgProvider()).lookupCharge(attempt.idempotencyKey());
      if (lookup instanceof ChargeLookup.Settled found) {
        known.add(
            new OutcomeRecorder.Outcome(
                attempt.merchantId(), attempt.impUid(), attempt.idempotencyKey(), found.outcome()));
      } else if (lookup instanceof ChargeLookup.NotFound
          && attempt.createdAt() < now - gatewayTimeout.toMillis()) {
        settled += settleNeverCharged(attempt) ? 1 : 0;
      }
    }
    for (boolean applied : recorder.recordAll(known)) {
      settled += applied ? 1 : 0;
    }
    return settled;
  }

  /**
   * The gateway never saw this attempt. A scheduled charge is due, so it is sent now with its
   * original idempotency key (the gateway charges a key at most once); a charge a merchant made
   * with again/onetime has already been answered "ready", so it fails and may be retried.
   */
  private boolean settleNeverCharged(PaymentRepository.UnsettledAttempt attempt) {
    Payment payment = payments.find(attempt.merchantId(), attempt.impUid()).orElseThrow();
    if (PaymentWebhooks.SCHEDULED_USAGE.equals(payment.customerUidUsage())) {
      var resend = charges.resendable(payment, attempt.idempotencyKey());
      if (resend.isPresent()) {
        log.info(
            "resending scheduled charge that never reached the gateway: merchant={} imp_uid={}",
            attempt.merchantId(),
            attempt.impUid());
        charges.record(resend.get(), charges.send(resend.get()));
        return true;
      }
    }
    return recorder.recordNotCharged(
        attempt.merchantId(), attempt.impUid(), attempt.idempotencyKey());
  }

  private void runSafely() {
    try {
      int settled = reconcileNow();
      if (settled > 0) {
        log.info("reconciliation settled {} attempt(s)", settled);
      }
    } catch (RuntimeException e) {
      log.warn("reconciliation pass failed; will retry: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paycron-reconciler");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
