package io.paycron.schedule;

import io.paycron.ObservabilityProperties;
import io.paycron.clock.ScopedClock;
import io.paycron.common.PollingLoop;
import io.paycron.webhook.Outbox;
import io.paycron.webhook.OutboxQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The late-schedule alert. Every check interval, each node looks for schedules still waiting longer
 * than the threshold after their schedule_at (the claim loop is stopped, stuck or far behind): it
 * logs one WARN line with their number and the oldest due time, and announces each one with a
 * {@code schedule.late} event. The events table remembers what was announced (object id =
 * merchant_uid, object version = the schedule's version), so a schedule is announced once, across
 * checks, nodes and restarts, and again only if it is changed (rescheduled) and late again.
 */
@Component
public class LateScheduleWatch implements SmartLifecycle {

  static final String EVENT_TYPE = "schedule.late";
  private static final Logger log = LoggerFactory.getLogger(LateScheduleWatch.class);

  private final ScheduleBacklogRepository backlog;
  private final OutboxQueries announced;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final ScopedClock clock;
  private final ObservabilityProperties.LateSchedule config;
  private volatile PollingLoop loop;

  LateScheduleWatch(
      ScheduleBacklogRepository backlog,
      OutboxQueries announced,
      Outbox outbox,
      TransactionTemplate transactions,
      ScopedClock clock,
      ObservabilityProperties properties) {
    this.backlog = backlog;
    this.announced = announced;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.config = properties.lateSchedule();
  }

  /** One check: counts, logs and announces late schedules; returns how many it announced. */
  public int checkOnce() {
    long lateBefore = clock.millis() - config.threshold().toMillis();
    ScheduleBacklogRepository.Backlog late = backlog.backlog(lateBefore, lateBefore);
    if (late.due() == 0) {
      return 0;
    }
    log.warn(
        "late schedules: {} still waiting more than {} s after schedule_at; oldest due at {}",
        late.due(),
        config.threshold().toSeconds(),
        Instant.ofEpochMilli(late.oldestDueAt()));
    int total = 0;
    ScheduleBacklogRepository.Late after = null;
    for (int page = 0; page < config.maxPagesPerCheck(); page++) {
      ScheduleBacklogRepository.Late from = after;
      List<ScheduleBacklogRepository.Late> batch = new ArrayList<>();
      Integer emitted =
          transactions.execute(
              tx -> {
                batch.addAll(backlog.lockLate(lateBefore, from, config.pageSize()));
                return announce(batch);
              });
      total += emitted == null ? 0 : emitted;
      if (batch.size() < config.pageSize()) {
        break;
      }
      after = batch.get(batch.size() - 1);
    }
    return total;
  }

  /** Emits the event of every schedule (version) in the batch not announced before. */
  private int announce(List<ScheduleBacklogRepository.Late> batch) {
    List<Outbox.Emission> emissions = new ArrayList<>();
    Map<String, List<ScheduleBacklogRepository.Late>> byMerchant =
        batch.stream()
            .collect(
                Collectors.groupingBy(
                    ScheduleBacklogRepository.Late::merchantId,
                    LinkedHashMap::new,
                    Collectors.toList()));
    byMerchant.forEach(
        (merchantId, schedules) -> {
          Set<String> done =
              announced.announced(
                  merchantId,
                  EVENT_TYPE,
                  schedules.stream().map(ScheduleBacklogRepository.Late::merchantUid).toList());
          for (ScheduleBacklogRepository.Late s : schedules) {
            if (!done.contains(s.merchantUid() + "@" + s.version())) {
              emissions.add(emission(s));
            }
          }
        });
    outbox.emitAll(emissions);
    for (Outbox.Emission e : emissions) {
      log.info("schedule.late: merchant={} merchant_uid={}", e.merchantId(), e.objectId());
    }
    return emissions.size();
  }

  /**
   * The V1-style body. It goes to the merchant's webhook URL, not the schedule's notice_url: a V1
   * notice handler expects an imp_uid to look up, and a late schedule has none yet.
   */
  private static Outbox.Emission emission(ScheduleBacklogRepository.Late s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("merchant_uid", s.merchantUid());
    body.put("customer_uid", s.customerUid());
    body.put("status", "late");
    body.put("schedule_at", s.scheduleAt() / 1000);
    return new Outbox.Emission(
        s.merchantId(),
        EVENT_TYPE,
        s.merchantUid(),
        s.version(),
        body,
        Outbox.Target.orMerchantDefault(null));
  }

  @Override
  public synchronized void start() {
    if (config.enabled()) {
      loop =
          new PollingLoop(
              "paycron-late-schedules",
              config.checkInterval().toMillis(),
              () -> {
                checkOnce();
                return 0; // wait a whole interval between checks, whatever was found
              });
      loop.start();
    }
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.stop(Duration.ofSeconds(5).toMillis());
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
