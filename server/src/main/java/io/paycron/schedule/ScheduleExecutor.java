package io.paycron.schedule;

import io.paycron.PaycronProperties;
import io.paycron.clock.ScopedClock;
import io.paycron.common.Concurrently;
import io.paycron.common.PollingLoop;
import io.paycron.common.Secrets;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.merchant.MerchantDirectory;
import io.paycron.payment.AttemptState;
import io.paycron.payment.ChargeService;
import io.paycron.payment.PaymentListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due schedules into charges, on every node: claim a batch (one statement) and persist each
 * payment with its attempt and idempotency key in the same transaction; then call the gateway with
 * bounded concurrency; then record every outcome, the schedule and its webhook event in one
 * transaction. A short batch does not mean "nothing due": it loops until a claim comes back empty.
 * A node that dies between claim and record leaves attempts that the reconciler settles by asking
 * the gateway, never by charging again.
 */
@Component
public class ScheduleExecutor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScheduleExecutor.class);

  private final ScheduleRepository schedules;
  private final TestClockScheduleRepository testClockSchedules;
  private final ScheduleOutcomes outcomes;
  private final ChargeService charges;
  private final MerchantDirectory merchants;
  private final TransactionTemplate transactions;
  private final ScopedClock clock;
  private final ScheduleMetrics metrics;
  private final PaycronProperties.Scheduler config;
  private final Duration lease;
  private final String node = "node-" + Secrets.randomHex(4);
  private volatile boolean running;
  private ExecutorService gatewayCalls;
  private final List<PollingLoop> loops = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final int loopCount;

  ScheduleExecutor(
      ScheduleRepository schedules,
      TestClockScheduleRepository testClockSchedules,
      ScheduleOutcomes outcomes,
      ChargeService charges,
      MerchantDirectory merchants,
      TransactionTemplate transactions,
      ScopedClock clock,
      PaycronProperties properties,
      ScheduleMetrics metrics) {
    this.metrics = metrics;
    this.schedules = schedules;
    this.testClockSchedules = testClockSchedules;
    this.outcomes = outcomes;
    this.charges = charges;
    this.merchants = merchants;
    this.transactions = transactions;
    this.clock = clock;
    this.config = properties.scheduler();
    this.lease = properties.gatewayTimeout().multipliedBy(2);
    this.loopCount = properties.usesPostgres() ? Math.max(1, config.loops()) : 1;
  }

  /** Claims, charges and records one batch; returns how many schedules it claimed. */
  public int runOnce() {
    Claim claim = claimAndPrepare();
    if (claim.claimed() > 0) {
      sendAndRecord(claim.toSend());
      log.debug("{} executed {} schedule(s)", node, claim.claimed());
    }
    return claim.claimed();
  }

  /** A committed claim: how many schedules it took, and the charges to send for them. */
  record Claim(int claimed, List<ChargeService.PreparedCharge> toSend) {}

  /**
   * One transaction: claim due schedules and persist each payment with its attempt. After this
   * commits, a crash loses nothing: the reconciler settles the attempts.
   */
  Claim claimAndPrepare() {
    long now = clock.millis();
    List<ChargeService.PreparedCharge> toSend = new ArrayList<>();
    List<Long> dueTimes = new ArrayList<>();
    AtomicInteger notCharged = new AtomicInteger();
    Integer claimed =
        transactions.execute(
            tx -> {
              List<Schedule> batch =
                  schedules.claimDue(now, config.batchSize(), node, now + lease.toMillis());
              batch.forEach(s -> dueTimes.add(s.scheduleAt()));
              toSend.addAll(prepare(batch, now, notCharged));
              return batch.size();
            });
    // counted once committed: a claim that rolls back claimed and ended nothing
    metrics.claimed(dueTimes, clock.millis());
    metrics.notCharged(notCharged.get());
    return new Claim(claimed == null ? 0 : claimed, toSend);
  }

  /** Calls the gateway for each charge, then records every outcome in one transaction. */
  void sendAndRecord(List<ChargeService.PreparedCharge> toSend) {
    if (!toSend.isEmpty()) {
      List<ChargeOutcome> outcomes = sendAll(toSend);
      charges.recordAll(toSend, outcomes);
      metrics.executed(outcomes);
    }
  }

  /**
   * Inside the claim transaction: the payments and attempts for a batch of schedules; those that
   * failed before reaching the gateway are recorded at once (and added to {@code notCharged}). A
   * schedule learns its payment's imp_uid when the attempt is recorded (by this node, or by the
   * reconciler if this node dies): one write of the schedule fewer per execution.
   */
  private List<ChargeService.PreparedCharge> prepare(
      List<Schedule> batch, long now, AtomicInteger notCharged) {
    List<ChargeService.ScheduledPreparation> preparations =
        charges.prepareScheduled(
            batch.stream()
                .map(
                    s ->
                        new ChargeService.ScheduledCharge(
                            merchants.get(s.merchantId()), s.chargeCommand()))
                .toList());
    List<PaymentListener.RecordedAttempt> failed = new ArrayList<>();
    List<ChargeService.PreparedCharge> toSend = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ChargeService.ScheduledPreparation preparation = preparations.get(i);
      if (preparation.charge() == null) {
        failed.add(
            new PaymentListener.RecordedAttempt(preparation.payment(), AttemptState.NOT_CHARGED));
      } else {
        toSend.add(preparation.charge());
      }
    }
    outcomes.apply(failed);
    notCharged.addAndGet(failed.size()); // the caller counts them once the transaction commits
    return toSend;
  }

  /**
   * Claims and charges a test clock's schedules due at {@code now} (the clock's time, which the
   * calling thread's clock shows); returns how many it claimed. The lease is wall time: it is what
   * another node's reconciler compares with.
   */
  int runDueOnTestClock(String merchantId, String testClockId, long now) {
    long leaseUntil = clock.wallInstant().toEpochMilli() + lease.toMillis();
    List<ChargeService.PreparedCharge> toSend = new ArrayList<>();
    List<Long> dueTimes = new ArrayList<>();
    AtomicInteger notCharged = new AtomicInteger();
    Integer claimed =
        transactions.execute(
            tx -> {
              List<Schedule> batch =
                  testClockSchedules.claimDueOnTestClock(
                      merchantId, testClockId, now, node, leaseUntil);
              batch.forEach(s -> dueTimes.add(s.scheduleAt()));
              toSend.addAll(prepare(batch, now, notCharged));
              return batch.size();
            });
    metrics.claimed(dueTimes, now); // the test clock's time, as its schedule_at is
    metrics.notCharged(notCharged.get());
    sendAndRecord(toSend);
    return claimed == null ? 0 : claimed;
  }

  /**
   * Claims one failed schedule and charges it now (the V1 retry endpoint); returns the new
   * payment's imp_uid, or empty when the schedule is not an executed one whose payment failed.
   */
  java.util.Optional<String> retryNow(String merchantId, String merchantUid) {
    long now = clock.millis();
    java.util.concurrent.atomic.AtomicReference<ChargeService.PreparedCharge> charge =
        new java.util.concurrent.atomic.AtomicReference<>();
    AtomicInteger notCharged = new AtomicInteger();
    Boolean claimed =
        transactions.execute(
            tx -> {
              if (!schedules.claimForRetry(
                  merchantId,
                  merchantUid,
                  node,
                  clock.wallInstant().toEpochMilli() + lease.toMillis(),
                  now)) {
                return false;
              }
              Schedule schedule = schedules.find(merchantId, merchantUid).orElseThrow();
              prepare(List.of(schedule), now, notCharged).forEach(charge::set);
              return true;
            });
    if (!Boolean.TRUE.equals(claimed)) {
      return java.util.Optional.empty();
    }
    metrics.notCharged(notCharged.get());
    if (charge.get() != null) {
      sendAndRecord(List.of(charge.get()));
    }
    return schedules.find(merchantId, merchantUid).map(Schedule::impUid);
  }

  private List<ChargeOutcome> sendAll(List<ChargeService.PreparedCharge> toSend) {
    return Concurrently.map(
        gatewayCalls,
        toSend,
        charges::send,
        error ->
            error instanceof InterruptedException
                ? new ChargeOutcome.Unknown("interrupted while waiting for the gateway")
                : new ChargeOutcome.Unknown("gateway_error: " + error));
  }

  /** Asks the loop to look for due work now. */
  public void wake() {
    loops.forEach(PollingLoop::wake);
  }

  @Override
  public synchronized void start() {
    gatewayCalls =
        Executors.newFixedThreadPool(
            config.concurrency(), PollingLoop.daemonThreads("paycron-charge"));
    running = true;
    if (config.enabled()) {
      for (int i = 1; i <= loopCount; i++) {
        PollingLoop loop =
            new PollingLoop("paycron-scheduler-" + i, config.pollIntervalMs(), this::runOnce);
        loops.add(loop);
        loop.start();
      }
    }
  }

  /**
   * Stops claiming; a batch in flight finishes its gateway calls and records them, or its attempts
   * stay for the reconciler. Nothing is lost either way.
   */
  @Override
  public synchronized void stop() {
    running = false;
    loops.forEach(loop -> loop.stop(Duration.ofSeconds(35).toMillis()));
    loops.clear();
    gatewayCalls.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
