package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.AtOnce;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A partial refund sent several times at once with the same {@code checksum} (a double-clicked
 * confirmation, a retried request) refunds once: the balance it names must still hold when the
 * refund is reserved, not only when the payment was read.
 */
class ConcurrentRefundTest {

  // gateway latency keeps the first refund in flight while the others arrive
  private static final Servers servers = new Servers(Map.of("paycron.sandbox.latency-ms", "200"));

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void concurrentRefundsCarryingTheSameChecksumRefundOnce(TestDatabase database) throws Exception {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = "refund_racer_" + UUID.randomUUID();
    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Answer paid =
        api.postJson(
            "/subscribe/payments/again",
            Map.of(
                "customer_uid",
                customerUid,
                "merchant_uid",
                "refund_race_" + UUID.randomUUID(),
                "amount",
                10_000));
    assertThat(paid.code()).as(paid.toString()).isZero();
    String impUid = paid.response().get("imp_uid").asString();
    Map<String, Object> refund =
        Map.of("imp_uid", impUid, "amount", 1_000, "checksum", 10_000, "reason", "double click");

    int threads = 10;
    List<Answer> answers = AtOnce.call(threads, () -> api.postJson("/payments/cancel", refund));

    assertThat(answers.stream().filter(a -> a.code() == 0)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.code() == 1)).hasSize(threads - 1);
    Answer after = api.get("/payments/" + impUid);
    assertThat(after.response().get("cancel_amount").asDouble()).isEqualTo(1_000.0);
    assertThat(after.response().get("cancel_history").size()).isEqualTo(1);
  }
}
