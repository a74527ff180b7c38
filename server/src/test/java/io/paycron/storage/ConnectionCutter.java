package io.paycron.storage;

import io.paycron.support.PostgresSchema;
import io.paycron.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cuts every database connection of one server, again and again, with {@code pg_terminate_backend}:
 * what the server sees when PostgreSQL restarts (a restart ends every connection the same way;
 * stopping the shared cluster would break the other test classes running beside this one), when a
 * failover happens, or when a proxy drops its connections. The server's connections carry its
 * schema's name as their application_name; the cutter's own connection does not, so it never cuts
 * itself.
 */
final class ConnectionCutter implements AutoCloseable {

  /** One cut: how many backends it ended, and how far the charge run was just before. */
  record Cut(int number, long connections, ChargeRun.Progress before) {
    @Override
    public String toString() {
      return connections + "@" + before;
    }
  }

  private final Connection connection;
  private final String applicationName;
  private final Supplier<ChargeRun.Progress> progress;
  private final int times;
  private final List<Cut> cuts = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch finished;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "connection-cutter");
            thread.setDaemon(true);
            return thread;
          });

  private ConnectionCutter(PostgresSchema db, int times, Supplier<ChargeRun.Progress> progress)
      throws SQLException {
    this.connection = DriverManager.getConnection(TestDatabase.PG_BASE, TestDatabase.PG_USER, "");
    this.applicationName = db.name();
    this.progress = progress;
    this.times = times;
    this.finished = new CountDownLatch(times);
  }

  /** Cuts {@code times} times, the first at once, then every {@code every}. */
  static ConnectionCutter start(
      PostgresSchema db, int times, Duration every, Supplier<ChargeRun.Progress> progress) {
    try {
      ConnectionCutter cutter = new ConnectionCutter(db, times, progress);
      cutter.timer.scheduleAtFixedRate(cutter::cutOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
      return cutter;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to cut connections: " + e.getMessage(), e);
    }
  }

  private void cutOnce() {
    if (cuts.size() >= times) {
      return;
    }
    try {
      ChargeRun.Progress before = progress.get();
      cuts.add(new Cut(cuts.size() + 1, terminateBackends(), before));
      finished.countDown();
    } catch (SQLException | RuntimeException e) {
      failures.add(e.toString()); // the cutter's own trouble; the test fails on it
    }
  }

  /** Cuts every connection of the server on {@code db} once, now; returns how many. */
  static long cutNow(PostgresSchema db) {
    try (Connection own =
        DriverManager.getConnection(TestDatabase.PG_BASE, TestDatabase.PG_USER, "")) {
      return terminateBackends(own, db.name());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot cut connections: " + e.getMessage(), e);
    }
  }

  private long terminateBackends() throws SQLException {
    return terminateBackends(connection, applicationName);
  }

  private static long terminateBackends(Connection connection, String applicationName)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = ?")) {
      statement.setString(1, applicationName);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Waits until every cut has been made (or the deadline passed); returns the cuts made. */
  List<Cut> awaitAll(Duration deadline) throws InterruptedException {
    finished.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    return List.copyOf(cuts);
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      connection.close();
    } catch (SQLException e) {
      // the test is over; nothing to cut any more
    }
  }
}
