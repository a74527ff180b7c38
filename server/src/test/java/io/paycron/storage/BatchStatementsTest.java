package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Rows} and {@link StatisticsKeeper} against both real databases. */
class BatchStatementsTest {

  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String probeTable(JdbcClient jdbc) {
    String table = "probe_" + Long.toHexString(System.nanoTime());
    jdbc.sql("CREATE TABLE " + table + " (k TEXT PRIMARY KEY, n BIGINT, label TEXT)").update();
    return table;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowsRelationCarriesEveryRowWithItsNullsAndTypes(TestDatabase database) {
    TestServer server = servers.on(database);
    SqlDialect dialect = server.bean(SqlDialect.class);
    Rows rows = Rows.named("v").text("k").bigint("n").integer("i");
    for (int r = 0; r < 300; r++) {
      rows.add("key-" + r, r % 7 == 0 ? null : 10_000_000_000L + r, r);
    }
    Map<String, Object[]> back = new HashMap<>();
    server
        .jdbc()
        .sql("SELECT k, n, i FROM " + rows.sql(dialect))
        .params(rows.params(dialect))
        .query(
            (rs, n) -> {
              long value = rs.getLong(2);
              Long amount = rs.wasNull() ? null : value;
              return new Object[] {rs.getString(1), amount, rs.getInt(3)};
            })
        .list()
        .forEach(row -> back.put((String) row[0], row));
    assertThat(back).hasSize(300);
    assertThat(back.get("key-7")[1]).isNull();
    assertThat(back.get("key-8")[1]).isEqualTo(10_000_000_008L);
    assertThat(back.get("key-299")[2]).isEqualTo(299);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmptyRowsRelationIsValidSqlWithNoRows(TestDatabase database) {
    TestServer server = servers.on(database);
    SqlDialect dialect = server.bean(SqlDialect.class);
    Rows none = Rows.named("v").text("k").bigint("n");
    assertThat(
            server
                .jdbc()
                .sql("SELECT count(*) FROM " + none.sql(dialect))
                .params(none.params(dialect))
                .query(Long.class)
                .single())
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUpdateJoinedOnARowsRelationChangesExactlyTheMatchingRows(TestDatabase database) {
    TestServer server = servers.on(database);
    SqlDialect dialect = server.bean(SqlDialect.class);
    JdbcClient jdbc = server.jdbc();
    String table = probeTable(jdbc);
    for (int r = 0; r < 10; r++) {
      jdbc.sql("INSERT INTO " + table + " (k, n, label) VALUES (:k, 0, 'old')")
          .param("k", "k" + r)
          .update();
    }
    Rows changes = Rows.named("v").text("key").bigint("value").text("new_label");
    changes.add("k2", 20L, "two").add("k5", 50L, null).add("missing", 1L, "nobody");
    List<String> updated =
        jdbc.sql(
                "UPDATE "
                    + table
                    + " SET n = v.value, label = v.new_label FROM "
                    + changes.sql(dialect)
                    + " WHERE "
                    + table
                    + ".k = v.key RETURNING k")
            .params(changes.params(dialect))
            .query(String.class)
            .list();
    assertThat(updated).containsExactlyInAnyOrder("k2", "k5");
    assertThat(jdbc.sql("SELECT n FROM " + table + " WHERE k = 'k2'").query(Long.class).single())
        .isEqualTo(20L);
    assertThat(
            jdbc.sql("SELECT label FROM " + table + " WHERE k = 'k5'")
                .query(String.class)
                .optional())
        .isEmpty(); // label set to NULL
    assertThat(
            jdbc.sql("SELECT count(*) FROM " + table + " WHERE n = 0 AND label = 'old'")
                .query(Long.class)
                .single())
        .isEqualTo(8L);
  }

  @Test
  void busyTablesAreAnalyzedOnceATenthOfThemChangedAndNotBefore() throws InterruptedException {
    TestServer server = servers.on(TestDatabase.POSTGRES);
    JdbcClient jdbc = server.jdbc();
    StatisticsKeeper keeper = server.bean(StatisticsKeeper.class);
    keeper.analyzeStale(); // whatever the server's start-up left
    jdbc.sql(
            """
            INSERT INTO schedule_queue (merchant_id, merchant_uid, schedule_at)
            SELECT 'm', 'probe_' || g, 4102444800000 FROM generate_series(1, 3000) g""")
        .update();
    // PostgreSQL publishes a backend's table counters when its transaction ends, about once a
    // second
    long deadline = System.nanoTime() + 10_000_000_000L;
    int analyzed = 0;
    while (analyzed == 0 && System.nanoTime() < deadline) {
      Thread.sleep(300);
      analyzed = keeper.analyzeStale();
    }
    assertThat(analyzed).isPositive();
    assertThat(
            jdbc.sql(
                    """
                    SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND relname = 'schedule_queue'""")
                .query(Boolean.class)
                .single())
        .isTrue();
    Thread.sleep(1_500);
    assertThat(keeper.analyzeStale()).isZero(); // nothing changed since
  }
}
