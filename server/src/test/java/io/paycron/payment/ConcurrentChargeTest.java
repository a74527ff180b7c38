package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.sandbox.SandboxGateway;
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

/** Many merchants' retries racing on one merchant_uid must charge the card once. */
class ConcurrentChargeTest {

  // a little gateway latency keeps the first charge in flight while the others arrive
  private static final Servers servers = new Servers(Map.of("paycron.sandbox.latency-ms", "50"));

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void fiftyConcurrentAgainCallsWithOneMerchantUidChargeExactlyOnce(TestDatabase database)
      throws Exception {
    TestServer server = servers.on(database);
    ApiClient api = server.sandboxClient();
    String customerUid = "racer_" + UUID.randomUUID();
    assertThat(
            api.postJson("/subscribe/customers/" + customerUid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    String merchantUid = "race_" + UUID.randomUUID();
    Map<String, Object> body =
        Map.of("customer_uid", customerUid, "merchant_uid", merchantUid, "amount", 8900);

    int threads = 50;
    List<Answer> answers =
        AtOnce.call(threads, () -> api.postJson("/subscribe/payments/again", body));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    List<Answer> charged = answers.stream().filter(a -> a.code() == 0).toList();
    assertThat(charged).hasSize(1);
    assertThat(charged.get(0).response().get("status").asString()).isEqualTo("paid");
    assertThat(answers.stream().filter(a -> a.code() == 1)).hasSize(threads - 1);

    List<String> impUids =
        server
            .jdbc()
            .sql("SELECT imp_uid FROM payments WHERE merchant_uid = :uid")
            .param("uid", merchantUid)
            .query(String.class)
            .list();
    assertThat(impUids).hasSize(1);
    SandboxGateway gateway = server.bean(SandboxGateway.class);
    assertThat(
            server
                .jdbc()
                .sql("SELECT idempotency_key FROM sandbox_charges WHERE idempotency_key LIKE :keys")
                .param("keys", "mer_sandbox:%:" + merchantUid)
                .query(String.class)
                .list())
        .containsExactly(Payment.idempotencyKey("mer_sandbox", 1, merchantUid));
    assertThat(gateway.countCharges("mer_sandbox:")).isGreaterThanOrEqualTo(1);
  }
}
