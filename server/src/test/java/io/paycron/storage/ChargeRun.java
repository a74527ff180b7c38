package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.merchant.MerchantAccounts;
import io.paycron.schedule.ScheduleExecutor;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.PostgresSchema;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One merchant's burst of schedules, all due in the same second, on a chosen mix of sandbox cards
 * (one customer per card); and what Paycron's tables and the sandbox card network's ledger say
 * about it afterwards. The ledger ({@code sandbox_charges}, one row per idempotency key) is the
 * network's truth: a payment must be paid exactly when its key was charged there.
 */
final class ChargeRun {

  /** What a card does to a charge: charged (approved) at the network, or not. */
  enum Card {
    APPROVES(Cards.APPROVE, true),
    TIMES_OUT_AFTER_CHARGING(Cards.TIMEOUT_CHARGED, true),
    TIMES_OUT_WITHOUT_CHARGING(Cards.TIMEOUT_NOT_CHARGED, false);

    final String number;
    final boolean charges;

    Card(String number, boolean charges) {
      this.number = number;
      this.charges = charges;
    }

    String customerUid() {
      return "cus_" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final TestServer server;
  private final PostgresSchema db;
  private final String merchantId;
  private final ApiClient api;
  private final Map<Card, Integer> mix;
  private final long dueAt;
  private final int total;

  private ChargeRun(
      TestServer server,
      PostgresSchema db,
      String merchantId,
      ApiClient api,
      Map<Card, Integer> mix,
      long dueAt) {
    this.server = server;
    this.db = db;
    this.merchantId = merchantId;
    this.api = api;
    this.mix = mix;
    this.dueAt = dueAt;
    this.total = mix.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * A new merchant registers one customer per card and schedules {@code mix} charges, announced to
   * {@code noticeUrl}, all due at one second far enough ahead (on the server's clock, which follows
   * the wall clock) that the last call still schedules into the future.
   */
  static ChargeRun schedule(
      TestServer server, PostgresSchema db, Map<Card, Integer> mix, String noticeUrl) {
    MerchantAccounts.Credentials merchant =
        server.bean(MerchantAccounts.class).create("faults", true);
    ApiClient api = ApiClient.login(server.baseUrl(), merchant.impKey(), merchant.impSecret());
    int total = mix.values().stream().mapToInt(Integer::intValue).sum();
    long dueAt = server.clock().millis() / 1000 + 60 + total / 250;
    for (Map.Entry<Card, Integer> entry : mix.entrySet()) {
      Card card = entry.getKey();
      ApiClient.Answer key =
          api.postJson("/subscribe/customers/" + card.customerUid(), Cards.card(card.number));
      assertThat(key.code()).as("billing key for %s: %s", card, key).isZero();
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = 0; i < entry.getValue(); i++) {
        items.add(
            Map.of(
                "merchant_uid",
                card.customerUid() + "_" + i,
                "schedule_at",
                dueAt,
                "amount",
                1000,
                "notice_url",
                noticeUrl));
        if (items.size() == 1000 || i == entry.getValue() - 1) {
          ApiClient.Answer answer =
              api.postJson(
                  "/subscribe/payments/schedule",
                  Map.of("customer_uid", card.customerUid(), "schedules", items));
          assertThat(answer.code()).as("schedule call: %s", answer.message()).isZero();
          items = new ArrayList<>();
        }
      }
    }
    return new ChargeRun(server, db, merchant.merchantId(), api, mix, dueAt);
  }

  /** The merchant's client, and the path of one of its schedules: something to read meanwhile. */
  ApiProbe probe(Duration every) {
    Card first = mix.keySet().iterator().next();
    return ApiProbe.start(api, "/subscribe/payments/schedule/" + first.customerUid() + "_0", every);
  }

  int total() {
    return total;
  }

  /** Moves the server's clock past the due second and wakes its claim loops. */
  void makeDue() {
    server.clock().advance(Duration.ofMillis((dueAt + 1) * 1000 - server.clock().millis()));
    server.bean(ScheduleExecutor.class).wake();
  }

  /** How far a run is: schedules claimed and being charged, and schedules settled. */
  record Progress(long claimed, long settled) {
    @Override
    public String toString() {
      return claimed + "/" + settled;
    }
  }

  Progress progress() {
    List<String> row =
        db.strings(
            "SELECT COUNT(*) FILTER (WHERE status = 'EXECUTING') || ' ' || COUNT(*) FILTER"
                + " (WHERE status = 'EXECUTED' AND payment_status IS NOT NULL) FROM schedules"
                + " WHERE merchant_id = ?",
            merchantId);
    String[] counts = row.get(0).split(" ");
    return new Progress(Long.parseLong(counts[0]), Long.parseLong(counts[1]));
  }

  /** Schedules executed with a final payment status (an unknown outcome leaves it null). */
  long settled() {
    return db.count(
        "SELECT COUNT(*) FROM schedules WHERE merchant_id = ? AND status = 'EXECUTED'"
            + " AND payment_status IS NOT NULL",
        merchantId);
  }

  long delivered() {
    return db.count(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = ? AND status = 'DELIVERED'",
        merchantId);
  }

  /** Where the schedules, attempts and deliveries stand: the message of a failed wait. */
  String whereThingsStand() {
    return String.format(
        "schedules %s; attempts %s; deliveries %s",
        breakdown("schedules", "status || '/' || COALESCE(payment_status, '-')"),
        breakdown("payment_attempts", "state"),
        breakdown("webhook_deliveries", "status"));
  }

  private List<String> breakdown(String table, String expression) {
    return db.strings(
        "SELECT string_agg(k || '=' || n, ', ') FROM (SELECT "
            + expression
            + " AS k, COUNT(*) n FROM "
            + table
            + " WHERE merchant_id = ? GROUP BY 1) s",
        merchantId);
  }

  /** Payments by customer (so by card) and status, e.g. {@code cus_approves PAID → 600}. */
  Map<String, Long> paymentsByCardAndStatus() {
    Map<String, Long> counts = new TreeMap<>();
    db.strings(
            "SELECT customer_uid || ' ' || status || ' ' || COUNT(*) FROM payments"
                + " WHERE merchant_id = ? GROUP BY customer_uid, status",
            merchantId)
        .forEach(
            row -> {
              int last = row.lastIndexOf(' ');
              counts.put(row.substring(0, last), Long.parseLong(row.substring(last + 1)));
            });
    return counts;
  }

  /**
   * Exactly one payment per schedule, each final and equal to what the card network did (paid ⇔
   * charged); nothing charged twice or without its payment; every schedule showing its payment's
   * status.
   */
  void assertEveryPaymentMatchesTheCardNetwork() {
    Map<String, Long> expected = new TreeMap<>();
    mix.forEach(
        (card, count) ->
            expected.put(card.customerUid() + (card.charges ? " PAID" : " FAILED"), (long) count));
    assertThat(paymentsByCardAndStatus()).as("payments by card and status").isEqualTo(expected);
    assertThat(count("SELECT COUNT(*) FROM payments WHERE merchant_id = ?")).isEqualTo(total);
    assertThat(count("SELECT COUNT(DISTINCT merchant_uid) FROM payments WHERE merchant_id = ?"))
        .as("merchant_uids with a payment")
        .isEqualTo(total);
    assertThat(
            count(
                "SELECT COUNT(*) FROM payments p WHERE merchant_id = ? AND (p.status = 'PAID')"
                    + " <> EXISTS (SELECT 1 FROM payment_attempts a JOIN sandbox_charges c"
                    + " ON c.idempotency_key = a.idempotency_key WHERE c.outcome = 'approved'"
                    + " AND a.merchant_id = p.merchant_id AND a.imp_uid = p.imp_uid)"))
        .as("payments whose status differs from the card network's record")
        .isZero();
    long shouldCharge =
        mix.entrySet().stream()
            .filter(e -> e.getKey().charges)
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM sandbox_charges WHERE idempotency_key LIKE ?",
                merchantId + ":%"))
        .as("charges at the card network")
        .isEqualTo(shouldCharge);
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM sandbox_charges c WHERE idempotency_key LIKE ?"
                    + " AND NOT EXISTS (SELECT 1 FROM payment_attempts a JOIN payments p"
                    + " ON p.merchant_id = a.merchant_id AND p.imp_uid = a.imp_uid"
                    + " WHERE p.status = 'PAID' AND a.idempotency_key = c.idempotency_key)",
                merchantId + ":%"))
        .as("charges at the card network without a paid payment")
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM schedules s JOIN payments p ON p.merchant_id = s.merchant_id"
                    + " AND p.imp_uid = s.imp_uid WHERE s.merchant_id = ?"
                    + " AND s.status = 'EXECUTED' AND s.payment_status = LOWER(p.status)"))
        .as("schedules executed with their payment's status")
        .isEqualTo(total);
  }

  /** One webhook per payment delivered, and the receiver last heard each payment's final status. */
  void assertEveryPaymentWasAnnounced(WebhookTally tally) {
    assertThat(count("SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = ?"))
        .isEqualTo(total);
    assertThat(delivered()).isEqualTo(total);
    Map<String, String> paymentStatus = new LinkedHashMap<>();
    db.strings(
            "SELECT imp_uid || ' ' || LOWER(status) FROM payments WHERE merchant_id = ?",
            merchantId)
        .forEach(row -> paymentStatus.put(row.split(" ")[0], row.split(" ")[1]));
    assertThat(tally.lastStatusByImpUid())
        .as("the status each payment's webhook carried")
        .isEqualTo(paymentStatus);
  }

  private long count(String sql) {
    return db.count(sql, merchantId);
  }
}
