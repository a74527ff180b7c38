package io.paycron.payment;

import io.paycron.PaycronProperties;
import io.paycron.common.Concurrently;
import io.paycron.common.PollingLoop;
import io.paycron.connector.Gateways;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.Money;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

  /**
   * How often in all a scheduled charge the network has no record of is sent. Resending a request
   * lost on the way (a dead node, a cut connection) is worth it: the charge is due, and its key
   * makes a resend safe. But a network that keeps timing out is not asked for ever; three sends a
   * gateway timeout apart ride out a short outage.
   */
  static final int MAX_SENDS = 3;

  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final OutcomeRecorder recorder;
  private final CancelService cancels;
  private final ChargeService charges;
  private final Gateways gateways;
  private final Clock clock;
  private final Duration interval;
  private final Duration gatewayTimeout;
  private ScheduledExecutorService executor;
  private volatile ExecutorService gatewayCalls;

  Reconciler(
      PaymentRepository payments,
      RefundRepository refunds,
      OutcomeRecorder recorder,
      CancelService cancels,
      ChargeService charges,
      Gateways gateways,
      Clock clock,
      PaycronProperties properties) {
    this.payments = payments;
    this.refunds = refunds;
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
    for (RefundRepository.UnknownRefund refund : refunds.findUnknownRefunds(BATCH)) {
      settled += settleRefund(refund);
    }
    return settled;
  }

  /**
   * Asks again about one refund whose outcome was never heard; 1 when it is settled now. One that
   * fails (its gateway cannot be built, say) is logged and left for the next pass, never stopping
   * the others.
   */
  private int settleRefund(RefundRepository.UnknownRefund refund) {
    try {
      CancelOutcome outcome =
          gateways
              .forKey(refund.merchantId(), refund.pgProvider(), refund.pgId())
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
        return 1;
      }
      return 0;
    } catch (RuntimeException e) {
      log.warn(
          "refund {} of {} could not be asked about: {}",
          refund.cancellationId(),
          refund.merchantId(),
          e.getClass().getSimpleName());
      return 0;
    }
  }

  /**
   * Asks the gateway about every attempt of the batch at once (a dead node can leave hundreds, and
   * asking one at a time made recovery take the sum of their round trips), then records what it
   * knows in one transaction, and sends the scheduled charges it never saw, again all at once.
   */
  private int settle(List<PaymentRepository.UnsettledAttempt> batch, long now) {
    List<ChargeLookup> lookups =
        inParallel(
            batch,
            attempt ->
                gateways
                    .forKey(attempt.merchantId(), attempt.pgProvider(), attempt.pgId())
                    .lookupCharge(attempt.idempotencyKey()));
    List<OutcomeRecorder.Outcome> known = new ArrayList<>();
    List<PaymentRepository.UnsettledAttempt> neverCharged = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      PaymentRepository.UnsettledAttempt attempt = batch.get(i);
      ChargeLookup lookup = lookups.get(i);
      if (lookup instanceof ChargeLookup.Settled found) {
        known.add(
            new OutcomeRecorder.Outcome(
                attempt.merchantId(), attempt.impUid(), attempt.idempotencyKey(), found.outcome()));
      } else if (lookup instanceof ChargeLookup.NotFound
          && attempt.lastSentAt() < now - gatewayTimeout.toMillis()) {
        // "not found" is believed a gateway timeout after the last send, not after the first
        neverCharged.add(attempt);
      }
    }
    boolean[] applied = recorder.recordAll(known);
    return countSettled(known.stream().map(OutcomeRecorder.Outcome::outcome).toList(), applied)
        + settleNeverCharged(neverCharged);
  }

  /** How many outcomes were recorded and final: an unknown one settles nothing. */
  private static int countSettled(List<ChargeOutcome> outcomes, boolean[] applied) {
    int settled = 0;
    for (int i = 0; i < applied.length; i++) {
      if (applied[i] && !(outcomes.get(i) instanceof ChargeOutcome.Unknown)) {
        settled++;
      }
    }
    return settled;
  }

  /**
   * The gateway never saw these attempts. A scheduled charge is due, so it is sent again with its
   * original idempotency key (the gateway charges a key at most once), up to {@link #MAX_SENDS}
   * sends in all, the send counted and committed before the call; a scheduled charge past that, and
   * a charge a merchant made with again/onetime (already answered "ready"), fails and may be
   * retried.
   *
   * <p>Bug fixed here: a scheduled charge on a card whose every request times out without charging
   * (the 0218 test card) was resent on every pass, for ever, and counted as settled each time, so
   * one pass resent the same 200 charges 50 times over; its schedule never settled.
   */
  private int settleNeverCharged(List<PaymentRepository.UnsettledAttempt> attempts) {
    List<PaymentRepository.UnsettledAttempt> toResend = new ArrayList<>();
    List<ChargeService.PreparedCharge> resend = new ArrayList<>();
    int settled = 0;
    for (PaymentRepository.UnsettledAttempt attempt : attempts) {
      Payment payment = payments.find(attempt.merchantId(), attempt.impUid()).orElseThrow();
      Optional<ChargeService.PreparedCharge> again =
          PaymentWebhooks.SCHEDULED_USAGE.equals(payment.customerUidUsage())
                  && attempt.sends() < MAX_SENDS
              ? charges.resendable(payment, attempt.idempotencyKey())
              : Optional.empty();
      if (again.isPresent()) {
        toResend.add(attempt);
        resend.add(again.get());
      } else if (recorder.recordNotCharged(
          attempt.merchantId(), attempt.impUid(), attempt.idempotencyKey())) {
        settled++;
      }
    }
    if (resend.isEmpty()) {
      return settled;
    }
    Set<String> ours = payments.markResent(toResend, clock.millis());
    resend.removeIf(charge -> !ours.contains(charge.request().idempotencyKey()));
    if (resend.isEmpty()) {
      return settled; // another node's reconciler is resending them
    }
    log.info("resending {} scheduled charge(s) the gateway has no record of", resend.size());
    List<ChargeOutcome> outcomes =
        inParallel(resend, charges::send).stream()
            .map(o -> o == null ? new ChargeOutcome.Unknown("gateway call failed") : o)
            .toList();
    return settled + countSettled(outcomes, charges.recordAll(resend, outcomes));
  }

  /**
   * Calls the gateway for each item on the reconciler's threads, answers in the items' order; a
   * call that throws reads as "unknown" (looked up again next pass).
   */
  private <T, R> List<R> inParallel(List<T> items, Function<T, R> call) {
    ExecutorService pool = gatewayCalls;
    if (pool == null) { // not started (a test calling reconcileNow directly)
      return items.stream().map(call).toList();
    }
    return Concurrently.map(
        pool,
        items,
        call,
        error -> {
          if (!(error instanceof InterruptedException)) {
            log.warn("reconciliation: a gateway call failed: {}", error.toString());
          }
          return null;
        });
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
    gatewayCalls = Executors.newFixedThreadPool(16, PollingLoop.daemonThreads("paycron-reconcile"));
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    if (gatewayCalls != null) {
      gatewayCalls.shutdownNow();
      gatewayCalls = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
