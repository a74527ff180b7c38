package io.paycron.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A NUL character in any text field is refused with 400 and stores nothing. PostgreSQL cannot hold
 * it in text, so without the check it reached the database and answered 500 there (the bad-input
 * fuzzing runs on SQLite, which stores it).
 */
class NulCharacterTest {

  private static final String NUL = "a" + (char) 0 + "b";
  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void textWithANulCharacterIsRefusedWith400AndStoresNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    long payments = count(server, "payments");
    long schedules = count(server, "schedules");
    long billingKeys = count(server, "billing_keys");
    Map<String, Object> card = new HashMap<>(Cards.card(Cards.APPROVE));
    card.put("customer_name", NUL);
    List<Answer> answers =
        List.of(
            api.postJson("/subscribe/customers/nul_customer", card),
            api.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", "nul_customer", "merchant_uid", NUL, "amount", 1000)),
            api.postJson(
                "/subscribe/payments/schedule",
                Map.of(
                    "customer_uid",
                    "nul_customer",
                    "schedules",
                    List.of(
                        Map.of(
                            "merchant_uid",
                            NUL,
                            "schedule_at",
                            server.clock().millis() / 1000 + 60,
                            "amount",
                            1000)))),
            api.get("/payments/find/" + ApiClient.encode(NUL)));
    for (Answer answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isIn(400, 404);
      assertThat(answer.raw().body()).doesNotContain("Exception");
    }
    assertThat(answers.get(0).status()).isEqualTo(400);
    assertThat(answers.get(0).message()).contains("customer_name").contains("NUL");
    assertThat(count(server, "payments")).isEqualTo(payments);
    assertThat(count(server, "schedules")).isEqualTo(schedules);
    assertThat(count(server, "billing_keys")).isEqualTo(billingKeys);
  }

  private static long count(TestServer server, String table) {
    return server.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void halfASurrogatePairIsRefusedWith400AndChargesNothing(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    assertThat(
            api.postJson("/subscribe/customers/surrogate_customer", Cards.card(Cards.APPROVE))
                .code())
        .isZero();
    long payments = count(server, "payments");
    long charges = count(server, "sandbox_charges");
    // the JSON text carries the escape of half a surrogate pair, as a client may send it
    Answer answer =
        api.send(
            "POST",
            "/subscribe/payments/again",
            "application/json",
            "{\"customer_uid\":\"surrogate_customer\",\"merchant_uid\":\"order_\\uda3f_1\","
                + "\"amount\":1000}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.message()).contains("merchant_uid").contains("Unicode");
    // a whole pair (an emoji) is fine
    Answer emoji =
        api.postJson(
            "/subscribe/payments/again",
            Map.of(
                "customer_uid",
                "surrogate_customer",
                "merchant_uid",
                "order_\uD83D\uDE00",
                "amount",
                1000));
    assertThat(emoji.response().get("status").asString()).isEqualTo("paid");
    assertThat(count(server, "payments")).isEqualTo(payments + 1);
    assertThat(count(server, "sandbox_charges")).isEqualTo(charges + 1);
  }
}
