package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.customer.CustomerConsoleQueries;
import io.paycron.payment.PaymentConsoleQueries;
import io.paycron.schedule.ScheduleConsoleActions;
import io.paycron.schedule.ScheduleConsoleQueries;
import io.paycron.subscription.SubscriptionConsoleQueries;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.webhook.WebhookConsoleQueries;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public read (and act) classes the console uses, over the real API's data on both databases:
 * filters, counts, late schedules, outcome statistics, masked cards, revoke and refund.
 */
class ConsoleQueriesTest {

  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  private record Seeded(String merchantId, String customerUid, String paid, String failed) {}

  private static Seeded seed(TestServer server) {
    ApiClient api = server.newMerchantClient("console-" + UUID.randomUUID());
    String id = UUID.randomUUID().toString().substring(0, 8);
    String customer = "cus_" + id;
    String stolen = "stolen_" + id;
    api.postJson("/subscribe/customers/" + customer, Cards.card(Cards.APPROVE));
    api.postJson("/subscribe/customers/" + stolen, Cards.card(Cards.STOLEN));
    String paid =
        api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", customer, "merchant_uid", "p_" + id, "amount", 5000))
            .response()
            .get("imp_uid")
            .asString();
    String failed =
        api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", stolen, "merchant_uid", "f_" + id, "amount", 3000))
            .response()
            .get("imp_uid")
            .asString();
    long now = server.clock().millis() / 1000;
    api.postJson(
        "/subscribe/payments/schedule",
        Map.of(
            "customer_uid",
            customer,
            "schedules",
            List.of(
                Map.of("merchant_uid", "soon_" + id, "schedule_at", now + 600, "amount", 100),
                Map.of("merchant_uid", "later_" + id, "schedule_at", now + 7200, "amount", 100))));
    String merchantId =
        server
            .jdbc()
            .sql("SELECT merchant_id FROM payments WHERE imp_uid = :imp")
            .param("imp", paid)
            .query(String.class)
            .single();
    return new Seeded(merchantId, customer, paid, failed);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSandboxWithoutOperatorsGetsAnAdminWithARandomPassword(TestDatabase database) {
    TestServer server = servers.on(database);
    List<String> hashes =
        server
            .jdbc()
            .sql("SELECT password_hash FROM operators WHERE username = 'admin'")
            .query(String.class)
            .list();
    assertThat(hashes).singleElement().asString().startsWith("$2");
    // the password is random: a second server's admin has another one (bcrypt salts aside,
    // neither matches a guessable default)
    org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder bcrypt =
        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder();
    for (String guess : new String[] {"admin", "password", "adminadminadmin", "paycron"}) {
      assertThat(bcrypt.matches(guess, hashes.get(0))).as(guess).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void schedulesAreFilteredCountedByDueTimeAndLateOnesFound(TestDatabase database) {
    TestServer server = servers.on(database);
    Seeded seeded = seed(server);
    ScheduleConsoleQueries schedules = server.bean(ScheduleConsoleQueries.class);
    long now = server.clock().millis();

    List<ScheduleConsoleQueries.ScheduleRow> mine =
        schedules.list(
            new ScheduleConsoleQueries.Filter(
                seeded.merchantId(), seeded.customerUid(), "scheduled", null, null),
            10,
            0);
    assertThat(mine).hasSize(2).allMatch(ScheduleConsoleQueries.ScheduleRow::revocable);
    assertThat(mine.get(0).scheduleAt()).isGreaterThan(mine.get(1).scheduleAt()); // newest first
    assertThat(
            schedules.list(
                new ScheduleConsoleQueries.Filter(
                    seeded.merchantId(), null, null, now, now + 3_600_000L),
                10,
                0))
        .extracting(ScheduleConsoleQueries.ScheduleRow::merchantUid)
        .singleElement()
        .asString()
        .startsWith("soon_");
    assertThat(schedules.countDueBetween(now, now + 3_600_000L)).isGreaterThanOrEqualTo(1);

    // two hours on, both are due; nobody ran them (the executor is not woken), so they are late
    long later = now + Duration.ofHours(2).toMillis() + 1;
    assertThat(schedules.late(later, 1000))
        .extracting(ScheduleConsoleQueries.ScheduleRow::merchantId)
        .contains(seeded.merchantId());
    assertThat(schedules.countLate(later)).isGreaterThanOrEqualTo(2);

    String uid = mine.get(0).merchantUid();
    server.bean(ScheduleConsoleActions.class).revoke(seeded.merchantId(), uid);
    assertThat(
            schedules.list(
                new ScheduleConsoleQueries.Filter(
                    seeded.merchantId(), seeded.customerUid(), "revoked", null, null),
                10,
                0))
        .extracting(ScheduleConsoleQueries.ScheduleRow::merchantUid)
        .containsExactly(uid);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void paymentsShowAttemptsDeclinesAndRefunds(TestDatabase database) {
    TestServer server = servers.on(database);
    Seeded seeded = seed(server);
    PaymentConsoleQueries payments = server.bean(PaymentConsoleQueries.class);

    assertThat(payments.list(seeded.merchantId(), "failed", 10, 0))
        .extracting(PaymentConsoleQueries.PaymentRow::impUid)
        .containsExactly(seeded.failed());
    PaymentConsoleQueries.PaymentDetail failed =
        payments.detail(seeded.merchantId(), seeded.failed()).orElseThrow();
    assertThat(failed.attempts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo("declined");
              assertThat(a.declineCode()).isEqualTo("stolen_card");
              assertThat(a.idempotencyKey()).isNotBlank();
            });
    assertThat(failed.payment().cardNumber()).doesNotContain("000000009979").contains("*");
    assertThat(payments.detail("another_merchant", seeded.failed())).isEmpty();

    PaymentConsoleQueries.Outcomes outcomes =
        payments.outcomesSince(server.clock().millis() - 60_000);
    assertThat(outcomes.approved()).isGreaterThanOrEqualTo(1);
    assertThat(outcomes.declines()).containsKey("stolen_card");

    assertThat(
            server
                .bean(io.paycron.payment.PaymentConsoleActions.class)
                .cancel(
                    seeded.merchantId(),
                    seeded.paid(),
                    Optional.of(new java.math.BigDecimal("1200")),
                    new java.math.BigDecimal("5000"),
                    "console",
                    false)
                .outcome())
        .isEqualTo(io.paycron.payment.PaymentConsoleActions.Outcome.DONE);
    PaymentConsoleQueries.PaymentDetail paid =
        payments.detail(seeded.merchantId(), seeded.paid()).orElseThrow();
    assertThat(paid.payment().cancelAmount()).isEqualTo(1200);
    assertThat(paid.payment().refundable()).isEqualTo(3800);
    assertThat(paid.cancellations())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("console"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void customersSubscriptionsAndWebhooksAreListedPerMerchant(TestDatabase database) {
    TestServer server = servers.on(database);
    Seeded seeded = seed(server);
    assertThat(
            server.bean(CustomerConsoleQueries.class).billingKeys(seeded.merchantId(), null, 10, 0))
        .hasSize(2)
        .allSatisfy(k -> assertThat(k.cardNumber()).contains("*"));
    assertThat(server.bean(SubscriptionConsoleQueries.class).list(seeded.merchantId(), null, 10, 0))
        .isEmpty();
    WebhookConsoleQueries webhooks = server.bean(WebhookConsoleQueries.class);
    // the sandbox merchant has no webhook URL nor endpoint: the event is listed, not sent
    assertThat(webhooks.deliveriesOf(seeded.merchantId(), seeded.failed(), 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.eventType()).isEqualTo("payment.failed");
              assertThat(d.status()).isEqualTo(WebhookConsoleQueries.NOT_SENT);
              assertThat(d.endpointId()).isNull();
            });
    assertThat(webhooks.attemptsSince(0).failureRate()).isBetween(0.0, 100.0);
  }
}
