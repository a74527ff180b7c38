package io.paycron.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw SQL ceiling: the least a database-backed scheduler can do per schedule. Two threads, one
 * connection each, claim 1,000 due rows per statement with {@code FOR UPDATE SKIP LOCKED} and, in
 * the same transaction, insert all their payments with one statement and all their outbox rows with
 * another. No gateway, no webhooks, no framework.
 */
final class RawSqlCeiling {

  private static final int THREADS = 2;
  private static final int BATCH = 1000;
  private static final long POLL_MILLIS = 500;

  private static final String CLAIM =
      """
      UPDATE bench_schedules SET status = 'EXECUTED', payment_id = id, updated_at = ?
      WHERE id IN (SELECT id FROM bench_schedules
                   WHERE status = 'SCHEDULED' AND schedule_at <= ?
                   ORDER BY schedule_at LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id, amount""";

  private static final String INSERT_PAYMENTS =
      """
      INSERT INTO bench_payments (id, schedule_id, amount, status, started_at, paid_at)
      SELECT i, i, a, 'PAID', ?, ? FROM unnest(?::bigint[], ?::bigint[]) AS t(i, a)""";

  private static final String INSERT_OUTBOX =
      """
      INSERT INTO bench_outbox (payment_id, type, payload, created_at)
      SELECT i, 'schedule.executed', p, ? FROM unnest(?::bigint[], ?::text[]) AS t(i, p)""";

  private final BenchDatabase db;
  private final BenchOptions options;
  private final AtomicLong executed = new AtomicLong();

  RawSqlCeiling(BenchDatabase db, BenchOptions options) {
    this.db = db;
    this.options = options;
  }

  Measurement run() {
    int n = options.schedules();
    String schema = db.createSchema("rawsql");
    Progress.phase(
        String.format(Locale.ROOT, "raw SQL ceiling, %,d schedules (schema %s)", n, schema));
    ReferenceTables.create(db, schema);
    try (HeapSampler heap = HeapSampler.start()) {
      // one INSERT … SELECT generate_series: loading takes seconds even for 1,000,000 rows
      long dueSecond = DrainStats.dueSecond(n, 100_000);
      long due = dueSecond * 1000;
      long loadStarted = System.nanoTime();
      ReferenceTables.insertSchedules(db, schema, n, due);
      double loadPerSecond = n / ((System.nanoTime() - loadStarted) / 1e9);
      if (System.currentTimeMillis() >= due) {
        throw new IllegalStateException("raw SQL loading overran the due time");
      }
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Thread worker =
            new Thread(
                () -> {
                  try {
                    work(schema, n);
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                },
                "raw-sql-" + t);
        worker.setDaemon(true);
        workers.add(worker);
      }
      workers.forEach(Thread::start);
      DrainStats.sleepUntil(due);
      awaitExecuted(n, failures);
      for (Thread worker : workers) {
        worker.join(10_000);
      }
      return ReferenceTables.measure(
          db, schema, "raw SQL", n, due, loadPerSecond, heap.peakBytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** One worker: claim and execute batches until every schedule is done, polling when idle. */
  private void work(String schema, int n) throws SQLException, InterruptedException {
    try (Connection connection = db.connect(schema);
        PreparedStatement claim = connection.prepareStatement(CLAIM);
        PreparedStatement payments = connection.prepareStatement(INSERT_PAYMENTS);
        PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX)) {
      connection.setAutoCommit(false);
      while (executed.get() < n) {
        long startedAt = System.currentTimeMillis();
        claim.setLong(1, startedAt);
        claim.setLong(2, startedAt);
        claim.setInt(3, BATCH);
        List<Long> ids = new ArrayList<>(BATCH);
        List<Long> amounts = new ArrayList<>(BATCH);
        try (ResultSet rs = claim.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            amounts.add(rs.getLong(2));
          }
        }
        if (ids.isEmpty()) {
          connection.commit();
          Thread.sleep(POLL_MILLIS);
          continue;
        }
        Array idArray = connection.createArrayOf("bigint", ids.toArray());
        long paidAt = System.currentTimeMillis();
        payments.setLong(1, startedAt);
        payments.setLong(2, paidAt);
        payments.setArray(3, idArray);
        payments.setArray(4, connection.createArrayOf("bigint", amounts.toArray()));
        payments.executeUpdate();
        String[] payloads = new String[ids.size()];
        for (int i = 0; i < payloads.length; i++) {
          payloads[i] = ReferenceTables.payload(ids.get(i));
        }
        outbox.setLong(1, paidAt);
        outbox.setArray(2, idArray);
        outbox.setArray(3, connection.createArrayOf("text", payloads));
        outbox.executeUpdate();
        connection.commit();
        executed.addAndGet(ids.size());
      }
    }
  }

  private void awaitExecuted(int n, List<Throwable> failures) {
    Progress progress = new Progress("raw SQL", n);
    Deadline deadline = Deadline.of("raw SQL executions", options.phaseLimitMinutes());
    while (executed.get() < n) {
      if (!failures.isEmpty()) {
        throw new IllegalStateException(
            "raw SQL worker failed: " + failures.get(0), failures.get(0));
      }
      progress.report(executed.get(), -1);
      deadline.check(executed.get() + " executed");
      DrainStats.pause(250);
    }
  }
}
