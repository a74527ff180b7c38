package io.paycron.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * Paycron end to end: nodes started in this JVM on a fresh storage (a PostgreSQL schema, or with
 * {@code --sqlite} an embedded SQLite data folder), schedules loaded through the HTTP API, then
 * timed from their (first) due second until every schedule is executed and every webhook delivered
 * to a local receiver. Two loads: the burst (all due in one second) and the steady load (the same
 * number due in each of several consecutive seconds).
 */
final class PaycronBenchmark {

  private static final int CALIBRATION = 8 * ScheduleLoader.PER_CALL;

  /** Tables the warm-up fills and the measured run must find empty. */
  private static final List<String> WORK_TABLES =
      List.of(
          "schedule_queue",
          "schedules",
          "payments",
          "payment_attempts",
          "events",
          "webhook_deliveries",
          "webhook_attempts",
          "sandbox_charges");

  /** Due time to attempt, one row per executed schedule (see {@link DrainStats#lag}). */
  private static final String LAGS_SQL =
      """
      SELECT p.started_at - s.schedule_at AS lag_ms
      FROM schedules s JOIN payments p
        ON p.merchant_id = s.merchant_id AND p.imp_uid = s.imp_uid""";

  private final PaycronStorage.Fresh storage;
  private final BenchOptions options;

  PaycronBenchmark(PaycronStorage.Fresh storage, BenchOptions options) {
    this.storage = storage;
    this.options = options;
  }

  /** The burst: {@code --schedules} due in the same second. */
  Measurement run(int nodeCount) {
    return run(nodeCount, nodeCount == 1 ? "paycron" : "paycron_" + nodeCount + "n");
  }

  /** The burst on a storage named {@code name}. */
  Measurement run(int nodeCount, String name) {
    int n = options.schedules();
    return run(
        new Load(nodeCount, name, String.format(Locale.ROOT, "%,d schedules", n), n, 0, i -> 0));
  }

  /**
   * The steady load: {@code rate} schedules due in each of {@code seconds} consecutive seconds.
   * Below capacity each second's schedules should be done before the next second's are due, which
   * is what the lag target is about; a burst cannot show that.
   */
  Measurement runSteady(int nodeCount, int rate, int seconds) {
    int n = Math.multiplyExact(rate, seconds);
    return run(
        new Load(
            nodeCount,
            "paycron_steady" + (nodeCount == 1 ? "" : "_" + nodeCount + "n"),
            String.format(
                Locale.ROOT,
                "steady load of %,d schedules/s for %d s (%,d schedules)",
                rate,
                seconds,
                n),
            n,
            seconds,
            i -> i / rate));
  }

  /**
   * {@code count} schedules; schedule {@code i} is due {@code offsetSeconds(i)} after the first due
   * second. {@code windowSeconds} is how long the offered load lasts (0 for a burst): executions/s
   * is never counted over less than it, so finishing on time reads as the offered rate, not more.
   */
  private record Load(
      int nodes,
      String name,
      String description,
      int count,
      int windowSeconds,
      IntToLongFunction offsetSeconds) {}

  /** The storage is given back only after the nodes on it have stopped. */
  private Measurement run(Load load) {
    try (PaycronStorage data = storage.create(load.name())) {
      return run(load, data);
    }
  }

  private Measurement run(Load load, PaycronStorage data) {
    int n = load.count();
    Path log = Bench.serverLog();
    Progress.phase(
        "Paycron, "
            + load.nodes()
            + " node(s), "
            + load.description()
            + " ("
            + data.description()
            + ", server log "
            + log
            + ")");
    try (WebhookCounter receiver = WebhookCounter.start();
        HeapSampler heap = HeapSampler.start();
        PaycronNodes nodes =
            PaycronNodes.start(
                load.nodes(),
                data.nodeProperties(),
                options.latencyMs(),
                receiver.url(),
                log.toString())) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < nodes.count(); i++) {
        urls.add(nodes.baseUrl(i));
      }
      ScheduleLoader loader = new ScheduleLoader(urls);
      loader.registerBillingKeys(Math.max(n, CALIBRATION));
      warmUp(loader, data, receiver);
      long firstSecond = DrainStats.dueSecond(n, calibrateIngest(loader, data));
      long ingestNanos = ingest(loader, load, firstSecond);
      long due = firstSecond * 1000;
      if (System.currentTimeMillis() >= due) {
        throw new IllegalStateException(
            "loading overran the due time: the ingest rate fell below the calibrated estimate");
      }
      Progress.phase(
          "waiting for the first due second (" + (due - System.currentTimeMillis()) + " ms)");
      DrainStats.sleepUntil(due);
      // schedules keep falling due during the window, so the phase limit starts after it
      Duration limit =
          Duration.ofMinutes(options.phaseLimitMinutes()).plusSeconds(load.windowSeconds());
      awaitExecuted(data, receiver, n, limit);
      awaitDelivered(data, receiver, n);
      return measure(data, load, due, ingestNanos, heap.peakBytes());
    }
  }

  /**
   * Runs {@code --warmup} schedules through these same nodes, again until a round spends under a
   * tenth of its time in the JIT compiler (at most 6 rounds), then empties the work tables: the
   * measured run finds its code compiled, as on a server that has been up a while, instead of
   * measuring C2, which on 2 cores takes a core for a minute or more after a start (seen: a third
   * of the CPU of a 100,000 run). The nodes keep running, so nothing is compiled again.
   */
  private void warmUp(ScheduleLoader loader, PaycronStorage data, WebhookCounter receiver) {
    int w = options.warmUp();
    if (w <= 0) {
      return;
    }
    java.lang.management.CompilationMXBean jit =
        java.lang.management.ManagementFactory.getCompilationMXBean();
    for (int round = 1; round <= 6; round++) {
      long compiledBefore = jit.getTotalCompilationTime();
      long started = System.nanoTime();
      long due = System.currentTimeMillis() / 1000 + 2 + w / 5_000;
      loader.ingest("warm" + round + "_", w, due, new AtomicLong());
      DrainStats.sleepUntil(due * 1000);
      Duration limit = Duration.ofMinutes(options.phaseLimitMinutes());
      awaitExecuted(data, receiver, w * round, limit, true);
      awaitDelivered(data, receiver, w * round, true);
      double compiling =
          (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - started) / 1e6);
      Progress.phase(
          String.format(
              Locale.ROOT,
              "warm-up round %d: %,d schedules (not measured), %.0f%% of the time compiling",
              round,
              w,
              compiling * 100));
      if (compiling < 0.10) {
        break;
      }
    }
    data.emptyTables(WORK_TABLES);
    receiver.reset();
  }

  /**
   * A short load at a far-off second measures the API's rate, so the due second of the real load
   * can be set just after it ends (every schedule must be in the future when it is created).
   */
  private double calibrateIngest(ScheduleLoader loader, PaycronStorage data) {
    long farOff = System.currentTimeMillis() / 1000 + 365L * 24 * 3600;
    long nanos = loader.ingest("calibrate_", CALIBRATION, farOff, new AtomicLong());
    // an explicit escape character: SQLite's LIKE has no default one, PostgreSQL's is a backslash
    data.writes()
        .execute(
            "DELETE FROM schedule_queue WHERE merchant_uid LIKE 'calibrate!_%' ESCAPE '!'",
            "DELETE FROM schedules WHERE merchant_uid LIKE 'calibrate!_%' ESCAPE '!'");
    double rate = CALIBRATION / (nanos / 1e9);
    Progress.phase(
        String.format(Locale.ROOT, "calibration: %,.0f schedules/s through the API", rate));
    return rate;
  }

  private long ingest(ScheduleLoader loader, Load plan, long firstSecond) {
    int n = plan.count();
    Progress.phase(
        plan.windowSeconds() == 0
            ? String.format(Locale.ROOT, "loading %,d schedules due at %d", n, firstSecond)
            : String.format(
                Locale.ROOT,
                "loading %,d schedules due from %d to %d",
                n,
                firstSecond,
                firstSecond + plan.windowSeconds() - 1));
    AtomicLong ingested = new AtomicLong();
    long started = System.nanoTime();
    CompletableFuture<Long> load =
        CompletableFuture.supplyAsync(
            () ->
                loader.ingest(
                    "bench_", n, i -> firstSecond + plan.offsetSeconds().applyAsLong(i), ingested));
    Deadline deadline = Deadline.of("Paycron ingest", options.phaseLimitMinutes());
    while (!load.isDone()) {
      DrainStats.pause(1000);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  ingested %,d/%,d (%,.0f/s)%n",
          ingested.get(),
          n,
          ingested.get() / seconds);
      deadline.check(ingested.get() + " ingested");
    }
    return load.join();
  }

  private void awaitExecuted(PaycronStorage data, WebhookCounter receiver, int n, Duration limit) {
    awaitExecuted(data, receiver, n, limit, false);
  }

  private void awaitExecuted(
      PaycronStorage data, WebhookCounter receiver, int n, Duration limit, boolean quiet) {
    Progress progress = new Progress("Paycron", n);
    Deadline deadline = Deadline.of("Paycron executions", limit);
    while (true) {
      // cheap while draining: the due queue holds only what is still due
      long claimed = n - data.reads().queryLong("SELECT count(*) FROM schedule_queue");
      if (!quiet) {
        progress.report(claimed, receiver.received());
      }
      if (claimed >= n) {
        long settled =
            data.reads()
                .queryLong(
                    "SELECT count(*) FROM schedules WHERE status = 'EXECUTED'"
                        + " AND payment_status IS NOT NULL");
        if (settled >= n) {
          return;
        }
      }
      deadline.check(claimed + " claimed");
      DrainStats.pause(250);
    }
  }

  private void awaitDelivered(PaycronStorage data, WebhookCounter receiver, int n) {
    awaitDelivered(data, receiver, n, false);
  }

  private void awaitDelivered(PaycronStorage data, WebhookCounter receiver, int n, boolean quiet) {
    Progress progress = new Progress("webhooks", "delivered", n);
    Deadline deadline = Deadline.of("Paycron webhook deliveries", options.phaseLimitMinutes());
    while (true) {
      if (!quiet) {
        progress.report(receiver.received(), -1);
      }
      if (receiver.received() >= n) {
        long delivered =
            data.reads()
                .queryLong("SELECT count(*) FROM webhook_deliveries WHERE status = 'DELIVERED'");
        if (delivered >= n) {
          return;
        }
      }
      deadline.check(receiver.received() + " delivered");
      DrainStats.pause(250);
    }
  }

  private Measurement measure(
      PaycronStorage data, Load load, long due, long ingestNanos, long peakHeap) {
    int n = load.count();
    SqlRunner sql = data.reads();
    long paid = sql.queryLong("SELECT count(*) FROM payments WHERE status = 'PAID'");
    if (paid != n) {
      System.out.printf(
          Locale.ROOT, "bench: WARNING %,d of %,d scheduled payments are not paid%n", n - paid, n);
    }
    long lastExecuted = sql.queryLong("SELECT max(paid_at) FROM payments");
    long[] deliveries =
        sql.queryRows(
                "SELECT min(delivered_at), max(delivered_at) FROM webhook_deliveries"
                    + " WHERE status = 'DELIVERED'")
            .get(0);
    Measurement.Lag lag = DrainStats.lag(sql, LAGS_SQL);
    List<long[]> series =
        DrainStats.executedOverTime(
            sql,
            "SELECT (paid_at - ?) / ?, count(*) FROM payments WHERE status = 'PAID'"
                + " GROUP BY 1 ORDER BY 1",
            due);
    long drain = lastExecuted - due;
    return new Measurement(
        "Paycron",
        load.nodes(),
        n,
        DrainStats.perSecond(n, Math.max(drain, load.windowSeconds() * 1000L)),
        n / (ingestNanos / 1e9),
        DrainStats.perSecond(n, deliveries[1] - deliveries[0]),
        drain,
        lag,
        peakHeap,
        series);
  }
}
