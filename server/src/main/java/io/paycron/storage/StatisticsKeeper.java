package io.paycron.storage;

import io.paycron.PaycronProperties;
import io.paycron.common.PollingLoop;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps PostgreSQL's statistics of Paycron's busy tables fresh. A billing run changes hundreds of
 * thousands of rows in minutes; autovacuum analyzes at most once a minute per database and only
 * after a fifth of a table changed, so until then the planner believes a table that just grew to a
 * million rows is nearly empty and picks plans that read all of it for every batch (seen: a claim
 * sorting every due row, a 200-key lookup joining the whole table 200 times). This analyzes a table
 * as soon as a tenth of it changed, at most one node at a time (an advisory lock).
 */
@Component
public class StatisticsKeeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StatisticsKeeper.class);
  private static final List<String> TABLES =
      List.of(
          "schedule_queue",
          "schedules",
          "payments",
          "payment_attempts",
          "events",
          "webhook_deliveries",
          "webhook_attempts",
          "sandbox_charges");
  private static final int LOCK_NAMESPACE = 0x70617963; // "payc"
  private static final long MIN_CHANGES = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final boolean postgres;
  private volatile PollingLoop loop;

  StatisticsKeeper(
      JdbcTemplate jdbc, TransactionTemplate transactions, PaycronProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.postgres = properties.usesPostgres();
  }

  /** Analyzes the tables that changed enough since their last analysis; returns how many. */
  public int analyzeStale() {
    List<String> stale =
        jdbc.queryForList(
            """
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND relname = ANY (?)
              AND n_mod_since_analyze > GREATEST(?, (n_live_tup + n_dead_tup) / 10)""",
            String.class,
            TABLES.toArray(String[]::new),
            MIN_CHANGES);
    int analyzed = 0;
    for (String table : stale) {
      Boolean done =
          transactions.execute(
              tx -> {
                Boolean mine =
                    jdbc.queryForObject(
                        "SELECT pg_try_advisory_xact_lock(?, ?)",
                        Boolean.class,
                        LOCK_NAMESPACE,
                        table.hashCode());
                if (!Boolean.TRUE.equals(mine)) {
                  return false; // another node is analyzing it now
                }
                // a small sample: these plans need row counts and key spreads, not fine histograms
                jdbc.execute("SET LOCAL default_statistics_target = 10");
                jdbc.execute("ANALYZE " + table); // a name from TABLES, never from input
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        analyzed++;
        log.debug("analyzed {}", table);
      }
    }
    return analyzed;
  }

  @Override
  public synchronized void start() {
    if (postgres) {
      // never "busy": the next look is always one interval later
      loop =
          new PollingLoop(
              "paycron-statistics",
              2_000,
              () -> {
                analyzeStale();
                return 0;
              });
      loop.start();
    }
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.stop(5_000);
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
