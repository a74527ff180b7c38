package io.paycron.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The db-scheduler reference: one one-time task instance per schedule, all due in the same second,
 * executed by a {@link Scheduler} with the lock-and-fetch polling strategy, 16 threads (Paycron's
 * charge concurrency) and a 500 ms polling interval (Paycron's). Each execution does the reference
 * per-item work in its own transaction, as db-scheduler runs every execution on its own.
 */
final class DbSchedulerBenchmark {

  static final String DDL_SCHEDULED_TASKS =
      """
      CREATE TABLE scheduled_tasks (
          task_name            TEXT NOT NULL,
          task_instance        TEXT NOT NULL,
          task_data            BYTEA,
          execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          picked               BOOLEAN NOT NULL,
          picked_by            TEXT,
          last_success         TIMESTAMP WITH TIME ZONE,
          last_failure         TIMESTAMP WITH TIME ZONE,
          consecutive_failures INT,
          last_heartbeat       TIMESTAMP WITH TIME ZONE,
          version              BIGINT NOT NULL,
          priority             SMALLINT,
          PRIMARY KEY (task_name, task_instance))""";

  static final String[] DDL_INDEXES = {
    "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
    "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
    "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)"
  };

  private static final int THREADS = 16;
  private static final int CALIBRATION = 5_000;

  private final BenchDatabase db;
  private final BenchOptions options;
  private final AtomicLong executed = new AtomicLong();

  DbSchedulerBenchmark(BenchDatabase db, BenchOptions options) {
    this.db = db;
    this.options = options;
  }

  Measurement run() {
    int n = options.schedules();
    String schema = db.createSchema("dbscheduler");
    Progress.phase(
        String.format(
            Locale.ROOT, "db-scheduler 16.7.1, %,d one-time tasks (schema %s)", n, schema));
    db.execute(schema, DDL_SCHEDULED_TASKS);
    db.execute(schema, DDL_INDEXES);
    ReferenceTables.create(db, schema);
    try (HeapSampler heap = HeapSampler.start();
        HikariDataSource pool = db.pool(schema, "db-scheduler", THREADS + 4)) {
      OneTimeTask<Void> charge =
          Tasks.oneTime("charge")
              .execute((instance, context) -> executeOne(pool, instance.getId()));
      SchedulerClient client = SchedulerClient.Builder.create(pool, charge).build();
      double calibrated =
          load(client, charge, "calibrate-", CALIBRATION, Instant.now().plus(Duration.ofDays(365)));
      db.execute(schema, "DELETE FROM scheduled_tasks WHERE task_instance LIKE 'calibrate-%'");
      long dueSecond = DrainStats.dueSecond(n, calibrated);
      long due = dueSecond * 1000;
      ReferenceTables.insertSchedules(db, schema, n, due);
      long loadStarted = System.nanoTime();
      load(client, charge, "", n, Instant.ofEpochSecond(dueSecond));
      double loadPerSecond = n / ((System.nanoTime() - loadStarted) / 1e9);
      db.execute(schema, "ANALYZE scheduled_tasks");
      Progress.phase(
          String.format(Locale.ROOT, "scheduled through scheduleBatch at %,.0f/s", loadPerSecond));
      if (System.currentTimeMillis() >= due) {
        throw new IllegalStateException("db-scheduler loading overran the due time");
      }
      Scheduler scheduler =
          Scheduler.create(pool, charge)
              .threads(THREADS)
              .pollingInterval(Duration.ofMillis(500))
              .pollUsingLockAndFetch(0.5, 1.0)
              .build();
      scheduler.start();
      try {
        DrainStats.sleepUntil(due);
        awaitExecuted(n);
      } finally {
        scheduler.stop();
      }
      return ReferenceTables.measure(
          db, schema, "db-scheduler", n, due, loadPerSecond, heap.peakBytes());
    }
  }

  /** Schedules {@code <prefix><i>} for i in [0, count) with scheduleBatch, 1,000 per batch. */
  private double load(
      SchedulerClient client, OneTimeTask<Void> task, String prefix, int count, Instant at) {
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    int batches = (count + 999) / 1000;
    ExecutorService clients = Executors.newFixedThreadPool(ScheduleLoader.CLIENTS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < ScheduleLoader.CLIENTS; c++) {
        workers.add(
            clients.submit(
                () -> {
                  for (int b; (b = next.getAndIncrement()) < batches; ) {
                    List<TaskInstance<?>> batch = new ArrayList<>(1000);
                    for (int i = b * 1000; i < Math.min(count, (b + 1) * 1000); i++) {
                      batch.add(task.instance(prefix + i));
                    }
                    client.scheduleBatch(batch, at);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("db-scheduler scheduleBatch failed: " + e.getMessage(), e);
    } finally {
      clients.shutdownNow();
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }

  private void executeOne(HikariDataSource pool, String instanceId) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      ReferenceTables.executeOne(connection, Long.parseLong(instanceId));
      connection.commit();
      executed.incrementAndGet();
    } catch (SQLException e) {
      throw new IllegalStateException("execution " + instanceId + " failed: " + e.getMessage(), e);
    }
  }

  private void awaitExecuted(int n) {
    Progress progress = new Progress("db-scheduler", n);
    Deadline deadline = Deadline.of("db-scheduler executions", options.phaseLimitMinutes());
    while (executed.get() < n) {
      progress.report(executed.get(), -1);
      deadline.check(executed.get() + " executed");
      DrainStats.pause(250);
    }
  }
}
