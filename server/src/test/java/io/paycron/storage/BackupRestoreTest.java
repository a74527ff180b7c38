package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.merchant.SandboxMerchant;
import io.paycron.payment.Payment;
import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TableRows;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The backup and restore of docs/operations.md, done to a server in the middle of a billing run:
 * back up while about half the schedules are paid, let the run finish, restore the backup, start a
 * new server on it. The schedules charged after the backup run again; the card network, which a
 * restore of Paycron does not rewind, must answer them from memory: every schedule is charged once.
 */
class BackupRestoreTest {

  private static final int SCHEDULES = Integer.getInteger("paycron.restore.schedules", 300);
  private static final String MERCHANT = SandboxMerchant.MERCHANT_ID;

  /** The sandbox card network's memory: it lives in Paycron's database, but is not Paycron's. */
  private static final List<String> CARD_NETWORK =
      List.of("sandbox_billing_keys", "sandbox_charges", "sandbox_cancellations");

  /** A card network taking 20 ms a call, two at a time: a run long enough to back up within. */
  private static final Map<String, Object> PROPERTIES =
      Map.of(
          "paycron.sandbox.latency-ms", "20",
          "paycron.scheduler.batch-size", "50",
          "paycron.scheduler.concurrency", "2",
          "paycron.reconcile-interval", "1");

  private static final Duration RUN_DEADLINE = Duration.ofSeconds(60 + SCHEDULES / 50);

  @TempDir Path backups;

  /** What the restored store held before a server started on it. */
  private record InBackup(long executed, long executing, long scheduled, long payments) {}

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBackupTakenMidRunIsRestoredAndFinishesWithEveryScheduleChargedOnce(TestDatabase database)
      throws Exception {
    TestServer first = TestServer.start(database, PROPERTIES);
    TestDatabase.Store store = first.store();
    List<String> merchantUids;
    long paidAtBackup;
    long backupMillis;
    Path backup;
    long chargedBeforeRestore;
    try {
      merchantUids = schedule(first);
      first.clock().advance(Duration.ofSeconds(61));
      first.bean(ScheduleExecutor.class).wake();
      await()
          .atMost(RUN_DEADLINE)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> paid(first) >= SCHEDULES / 2 && executing(first) > 0);
      paidAtBackup = paid(first);
      long started = System.nanoTime();
      backup = backUp(store);
      backupMillis = (System.nanoTime() - started) / 1_000_000;
      await()
          .atMost(RUN_DEADLINE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> paid(first) == SCHEDULES);
      chargedBeforeRestore = count(first, "SELECT COUNT(*) FROM sandbox_charges");
    } finally {
      first.close();
    }
    assertThat(chargedBeforeRestore)
        .as("card network charges of the first run")
        .isEqualTo(SCHEDULES);

    List<TableRows> cardNetwork = new ArrayList<>();
    try (Connection c = connect(store)) {
      for (String table : CARD_NETWORK) {
        cardNetwork.add(TableRows.readAll(c, table));
      }
    }
    long started = System.nanoTime();
    restore(store, backup);
    long restoreMillis = (System.nanoTime() - started) / 1_000_000;
    InBackup inBackup;
    try (Connection c = connect(store)) {
      inBackup =
          new InBackup(
              count(c, "SELECT COUNT(*) FROM schedules WHERE status = 'EXECUTED'"),
              count(c, "SELECT COUNT(*) FROM schedules WHERE status = 'EXECUTING'"),
              count(c, "SELECT COUNT(*) FROM schedules WHERE status = 'SCHEDULED'"),
              count(c, "SELECT COUNT(*) FROM payments"));
      // the card network is not restored with Paycron: it keeps what it charged since the backup
      c.setAutoCommit(false);
      for (TableRows rows : cardNetwork) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM " + rows.table());
        }
        rows.insertInto(c);
      }
      c.commit();
    }
    assertThat(inBackup.executed())
        .as("the backup was taken mid-run: some schedules were still to be executed")
        .isLessThan(SCHEDULES);

    TestServer restored = TestServer.joining(first, PROPERTIES);
    try {
      // attempts that were in flight at the backup are now stale: the reconciler asks about them
      restored.clock().advance(Duration.ofSeconds(11));
      restored.bean(ScheduleExecutor.class).wake();
      long resumed = System.nanoTime();
      await()
          .atMost(RUN_DEADLINE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> paid(restored) == SCHEDULES);
      long finishMillis = (System.nanoTime() - resumed) / 1_000_000;
      Map<String, String> charges = networkCharges(restored);
      report(
          database,
          paidAtBackup,
          backupMillis,
          restoreMillis,
          inBackup,
          chargedBeforeRestore,
          charges.size(),
          finishMillis);

      assertThat(charges).as("card network charges after the restore").hasSize(SCHEDULES);
      assertThat(charges.keySet())
          .as("one charge per schedule, under its merchant_uid's first key")
          .containsExactlyInAnyOrderElementsOf(
              merchantUids.stream().map(uid -> Payment.idempotencyKey(MERCHANT, 1, uid)).toList());
      assertThat(count(restored, "SELECT COUNT(*) FROM payments")).isEqualTo(SCHEDULES);
      assertThat(count(restored, "SELECT COUNT(*) FROM payments WHERE status = 'PAID'"))
          .isEqualTo(SCHEDULES);
      assertEveryScheduleExecutedAndPaidOnce(restored.sandboxClient(), merchantUids, charges);
    } finally {
      restored.close();
    }
  }

  /** One customer, SCHEDULES schedules due in 60 s (1,000 per call); their merchant_uids. */
  private static List<String> schedule(TestServer server) {
    ApiClient api = server.sandboxClient();
    assertThat(
            api.postJson("/subscribe/customers/restore_customer", Cards.card(Cards.APPROVE)).code())
        .isZero();
    long at = server.clock().millis() / 1000 + 60;
    List<String> merchantUids = new ArrayList<>();
    for (int start = 0; start < SCHEDULES; start += 1000) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = start; i < Math.min(SCHEDULES, start + 1000); i++) {
        String merchantUid = "order:restore:" + i; // ':' inside, as merchants' order ids may have
        merchantUids.add(merchantUid);
        items.add(Map.of("merchant_uid", merchantUid, "schedule_at", at, "amount", 1000));
      }
      assertThat(
              api.postJson(
                      "/subscribe/payments/schedule",
                      Map.of("customer_uid", "restore_customer", "schedules", items))
                  .code())
          .isZero();
    }
    return merchantUids;
  }

  /** Through the API: each schedule executed and paid, by a payment the network charged once. */
  private static void assertEveryScheduleExecutedAndPaidOnce(
      ApiClient api, List<String> merchantUids, Map<String, String> charges) {
    for (String merchantUid : merchantUids) {
      JsonNode schedule = api.get("/subscribe/payments/schedule/" + merchantUid).response();
      assertThat(schedule.get("schedule_status").asString()).as(merchantUid).isEqualTo("executed");
      assertThat(schedule.get("payment_status").asString()).as(merchantUid).isEqualTo("paid");
      JsonNode payment = api.get("/payments/" + schedule.get("imp_uid").asString()).response();
      assertThat(payment.get("status").asString()).as(merchantUid).isEqualTo("paid");
      assertThat(payment.get("merchant_uid").asString()).isEqualTo(merchantUid);
      // the network's transaction of that one charge, also for schedules that ran twice
      assertThat(payment.get("pg_tid").asString())
          .as(merchantUid)
          .isEqualTo(charges.get(Payment.idempotencyKey(MERCHANT, 1, merchantUid)));
    }
  }

  /** The documented online backup: pg_dump -Fc of the schema, or SQLite's VACUUM INTO. */
  private Path backUp(TestDatabase.Store store) throws Exception {
    if (store.pgSchema() != null) {
      Path file = backups.resolve("paycron.dump");
      run(pg("pg_dump", "-n", store.pgSchema(), "-Fc", "-f", file.toString()));
      return file;
    }
    Path file = backups.resolve("paycron-backup.db");
    try (Connection c = connect(store);
        Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + file.toString().replace("'", "''") + "'");
    }
    return file;
  }

  /** The documented restore, with the server stopped: into an empty schema, or over the file. */
  private void restore(TestDatabase.Store store, Path backup) throws Exception {
    if (store.pgSchema() != null) {
      try (Connection c =
              DriverManager.getConnection(TestDatabase.PG_BASE, TestDatabase.PG_USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + store.pgSchema() + " CASCADE");
      }
      run(pg("pg_restore", "--exit-on-error", backup.toString()));
      return;
    }
    Path db = store.sqliteFile();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
    Files.copy(backup, db);
  }

  /** A PostgreSQL client tool's command line for the test database. */
  private static List<String> pg(String tool, String... args) {
    URI uri = URI.create(TestDatabase.PG_BASE.substring("jdbc:".length()));
    List<String> command = new ArrayList<>(List.of(tool, "-h", uri.getHost()));
    command.addAll(List.of("-p", Integer.toString(uri.getPort()), "-U", TestDatabase.PG_USER));
    command.addAll(List.of("-d", uri.getPath().substring(1)));
    command.addAll(List.of(args));
    return command;
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(backups, "tool-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    assertThat(process.exitValue())
        .as("%s: %s", command, Files.readString(log, StandardCharsets.UTF_8))
        .isZero();
  }

  private static Connection connect(TestDatabase.Store store) throws SQLException {
    return store.pgSchema() != null
        ? DriverManager.getConnection(
            TestDatabase.PG_BASE + "?currentSchema=" + store.pgSchema(), TestDatabase.PG_USER, "")
        : DriverManager.getConnection("jdbc:sqlite:" + store.sqliteFile());
  }

  /** Schedules claimed and not yet recorded: a backup now catches attempts in flight. */
  private static long executing(TestServer server) {
    return count(server, "SELECT COUNT(*) FROM schedules WHERE status = 'EXECUTING'");
  }

  private static long paid(TestServer server) {
    return count(server, "SELECT COUNT(*) FROM schedules WHERE payment_status = 'paid'");
  }

  private static long count(TestServer server, String sql) {
    return server.jdbc().sql(sql).query(Long.class).single();
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The card network's charges: idempotency key to transaction id. */
  private static Map<String, String> networkCharges(TestServer server) {
    Map<String, String> charges = new HashMap<>();
    server
        .jdbc()
        .sql("SELECT idempotency_key, transaction_id FROM sandbox_charges")
        .query(
            rs -> {
              charges.put(rs.getString(1), rs.getString(2));
            });
    return charges;
  }

  private static void report(
      TestDatabase database,
      long paidAtBackup,
      long backupMillis,
      long restoreMillis,
      InBackup inBackup,
      long chargedBefore,
      long chargedAfter,
      long finishMillis) {
    String name = "[BackupRestoreTest " + database + "] ";
    System.out.printf(
        "%s%d schedules; backup taken when %d were paid, in %d ms; restore %d ms%n",
        name, SCHEDULES, paidAtBackup, backupMillis, restoreMillis);
    System.out.printf(
        "%sin the backup: %d executed, %d in flight (executing), %d pending; %d payments%n",
        name, inBackup.executed(), inBackup.executing(), inBackup.scheduled(), inBackup.payments());
    System.out.printf(
        "%safter the restore, in %d ms: %d executed again (%d claimed and sent with their keys,"
            + " %d in-flight attempts settled by the reconciler); card network charges %d before"
            + " the restore, %d after%n",
        name,
        finishMillis,
        SCHEDULES - inBackup.executed(),
        inBackup.scheduled(),
        inBackup.executing(),
        chargedBefore,
        chargedAfter);
  }
}
