package io.paycron.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.common.Secrets;
import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Merchant management through the admin API, over real HTTP on both databases: key pairs are
 * created, rotated and revoked; revocation ends keys and tokens at once, on every node; admin and
 * merchant credentials never open each other's doors; secrets are stored only as slow hashes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

  private static final String ADMIN_TOKEN = "admin-" + Secrets.randomHex(24);

  private TestServer sqlite;
  private TestServer postgres;

  @BeforeAll
  void start() {
    Map<String, Object> admin = Map.of("paycron.admin-token", ADMIN_TOKEN);
    sqlite = TestServer.start(TestDatabase.SQLITE, admin);
    postgres = TestServer.start(TestDatabase.POSTGRES, admin);
  }

  @AfterAll
  void stop() {
    sqlite.close();
    postgres.close();
  }

  private TestServer server(TestDatabase database) {
    return database == TestDatabase.SQLITE ? sqlite : postgres;
  }

  private static ApiClient admin(TestServer server) {
    return new ApiClient(server.baseUrl(), "Bearer " + ADMIN_TOKEN);
  }

  private static Answer getToken(TestServer server, String key, String secret) {
    return new ApiClient(server.baseUrl(), null)
        .postJson("/users/getToken", Map.of("imp_key", key, "imp_secret", secret));
  }

  private static String token(Answer answer) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response().get("access_token").asString();
  }

  /** An authenticated merchant call: 404 for a missing payment, 401 without a valid token. */
  private static int probe(TestServer server, String token) {
    return new ApiClient(server.baseUrl(), token).get("/payments/imps_000000000000").status();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMerchantIsCreatedRotatedAndRevokedAndRevocationEndsKeysAndTokensAtOnce(TestDatabase db) {
    TestServer server = server(db);
    Answer created = admin(server).postJson("/paycron/admin/v1/merchants", Map.of("name", "Acme"));
    assertThat(created.code()).as(created.toString()).isZero();
    String merchantId = created.response().get("merchant_id").asString();
    String firstKey = created.response().get("imp_key").asString();
    String firstSecret = created.response().get("imp_secret").asString();
    String firstToken = token(getToken(server, firstKey, firstSecret));
    assertThat(probe(server, firstToken)).isEqualTo(404);

    // secrets are kept only as bcrypt hashes, tokens only as SHA-256 hashes
    String storedHash =
        server
            .jdbc()
            .sql("SELECT secret_hash FROM api_keys WHERE imp_key = :key")
            .param("key", firstKey)
            .query(String.class)
            .single();
    assertThat(storedHash).startsWith("$2a$10$").doesNotContain(firstSecret);
    List<String> tokenHashes =
        server
            .jdbc()
            .sql("SELECT token_hash FROM access_tokens WHERE merchant_id = :m")
            .param("m", merchantId)
            .query(String.class)
            .list();
    assertThat(tokenHashes).containsExactly(Secrets.sha256Hex(firstToken));

    // a second pair for rotation: both work until the first is revoked
    Answer second =
        admin(server).postJson("/paycron/admin/v1/merchants/" + merchantId + "/keys", Map.of());
    assertThat(second.code()).as(second.toString()).isZero();
    String secondKey = second.response().get("imp_key").asString();
    String secondToken =
        token(getToken(server, secondKey, second.response().get("imp_secret").asString()));

    Answer described = admin(server).get("/paycron/admin/v1/merchants/" + merchantId);
    assertThat(described.response().get("name").asString()).isEqualTo("Acme");
    assertThat(described.response().get("keys")).hasSize(2);
    assertThat(described.raw().body())
        .contains(firstKey, secondKey)
        .doesNotContain(firstSecret, storedHash, firstToken, "secret");

    Answer revoked =
        admin(server).delete("/paycron/admin/v1/merchants/" + merchantId + "/keys/" + firstKey);
    assertThat(revoked.code()).as(revoked.toString()).isZero();
    assertThat(revoked.response().get("revoked_at").asLong()).isPositive();
    assertThat(probe(server, firstToken)).isEqualTo(401);
    assertThat(getToken(server, firstKey, firstSecret).status()).isEqualTo(401);
    assertThat(probe(server, secondToken)).isEqualTo(404);
    Answer again =
        admin(server).delete("/paycron/admin/v1/merchants/" + merchantId + "/keys/" + firstKey);
    assertThat(again.status()).isEqualTo(404);

    // ending every token keeps the keys: getToken issues a new, working token, not the dead one
    Answer ended = admin(server).delete("/paycron/admin/v1/merchants/" + merchantId + "/tokens");
    assertThat(ended.response().get("revoked_tokens").asInt()).isEqualTo(1);
    assertThat(probe(server, secondToken)).isEqualTo(401);
    String fresh =
        token(getToken(server, secondKey, second.response().get("imp_secret").asString()));
    assertThat(fresh).isNotEqualTo(secondToken);
    assertThat(probe(server, fresh)).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void adminAndMerchantCredentialsNeverOpenEachOthersDoors(TestDatabase db) {
    TestServer server = server(db);
    String merchantToken = server.sandboxClient().token();
    for (String authorization :
        new String[] {
          null,
          "",
          "Bearer",
          "Bearer wrong",
          ADMIN_TOKEN,
          merchantToken,
          "Bearer " + merchantToken,
          "Bearer " + ADMIN_TOKEN + "x"
        }) {
      Answer answer =
          new ApiClient(server.baseUrl(), authorization)
              .postJson("/paycron/admin/v1/merchants", Map.of("name", "intruder"));
      assertThat(answer.status()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(answer.code()).isEqualTo(-1);
    }
    assertThat(merchantsNamed(server, "intruder")).isZero();
    // the admin token is no merchant token
    assertThat(probe(server, "Bearer " + ADMIN_TOKEN)).isEqualTo(401);
    assertThat(probe(server, ADMIN_TOKEN)).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void badAdminInputIsRefusedClearlyAndChangesNothing(TestDatabase db) {
    TestServer server = server(db);
    long merchantsBefore = count(server, "merchants");
    long keysBefore = count(server, "api_keys");
    Answer noName = admin(server).postJson("/paycron/admin/v1/merchants", Map.of());
    Answer blank = admin(server).postJson("/paycron/admin/v1/merchants", Map.of("name", "  "));
    Answer tooLong =
        admin(server).postJson("/paycron/admin/v1/merchants", Map.of("name", "x".repeat(201)));
    Answer wrongType =
        admin(server).postJson("/paycron/admin/v1/merchants", Map.of("name", List.of(Map.of())));
    Answer nul =
        admin(server).postJson("/paycron/admin/v1/merchants", Map.of("name", "a" + (char) 0));
    for (Answer answer : List.of(noName, blank, tooLong, nul)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.message()).contains("name");
    }
    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
    Answer unknown = admin(server).get("/paycron/admin/v1/merchants/mer_nobody");
    Answer unknownKey =
        admin(server).postJson("/paycron/admin/v1/merchants/mer_nobody/keys", Map.of());
    Answer unknownRevoke =
        admin(server).delete("/paycron/admin/v1/merchants/mer_sandbox/keys/no_such_key");
    for (Answer answer : List.of(unknown, unknownKey, unknownRevoke)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    }
    assertThat(count(server, "merchants")).isEqualTo(merchantsBefore);
    assertThat(count(server, "api_keys")).isEqualTo(keysBefore);
  }

  @Test
  void aKeyRevokedOnOneNodeStopsWorkingOnTheOtherAtOnce() {
    try (TestServer other =
        TestServer.joining(postgres, Map.of("paycron.admin-token", ADMIN_TOKEN))) {
      Answer created =
          admin(postgres).postJson("/paycron/admin/v1/merchants", Map.of("name", "Two nodes"));
      String merchantId = created.response().get("merchant_id").asString();
      String key = created.response().get("imp_key").asString();
      String secret = created.response().get("imp_secret").asString();
      // the other node verifies the pair and remembers it, and issues a token it will repeat
      String token = token(getToken(other, key, secret));
      assertThat(token(getToken(other, key, secret))).isEqualTo(token);

      admin(postgres).delete("/paycron/admin/v1/merchants/" + merchantId + "/keys/" + key);

      assertThat(getToken(other, key, secret).status()).isEqualTo(401);
      assertThat(probe(other, token)).isEqualTo(401);
    }
  }

  @Test
  void aRevokedSandboxKeyStaysRevokedAfterARestart() {
    Map<String, Object> admin = Map.of("paycron.admin-token", ADMIN_TOKEN);
    TestServer first = TestServer.start(TestDatabase.SQLITE, admin);
    TestDatabase.Store store = first.store();
    try (first) {
      Answer revoked =
          admin(first)
              .delete("/paycron/admin/v1/merchants/mer_sandbox/keys/" + SandboxMerchant.IMP_KEY);
      assertThat(revoked.code()).as(revoked.toString()).isZero();
    }
    // the sandbox seed runs again at start, and must not bring the key back
    try (TestServer again = TestServer.startOn(TestDatabase.SQLITE, store, admin)) {
      assertThat(getToken(again, SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET).status())
          .isEqualTo(401);
    }
  }

  @Test
  void withoutAnAdminTokenTheAdminApiIsClosed() {
    try (TestServer closed = TestServer.start(TestDatabase.SQLITE)) {
      Answer answer =
          new ApiClient(closed.baseUrl(), "Bearer anything")
              .postJson("/paycron/admin/v1/merchants", Map.of("name", "x"));
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.message()).contains("PAYCRON_ADMIN_TOKEN");
      assertThat(merchantsNamed(closed, "x")).isZero();
    }
  }

  @Test
  void wrongAdminTokensAreThrottledPerAddressButNeverLockOutTheRightOne() {
    try (TestServer throttled =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of("paycron.admin-token", ADMIN_TOKEN, "paycron.login-limit.per-address", 3))) {
      ApiClient wrong = new ApiClient(throttled.baseUrl(), "Bearer guess");
      for (int i = 0; i < 3; i++) {
        assertThat(wrong.get("/paycron/admin/v1/merchants/mer_sandbox").status()).isEqualTo(401);
      }
      Answer blocked = wrong.get("/paycron/admin/v1/merchants/mer_sandbox");
      assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
      assertThat(blocked.raw().headers().firstValue("Retry-After")).isPresent();
      // the operators' token still works from the same address, and getToken is not affected
      assertThat(admin(throttled).get("/paycron/admin/v1/merchants/mer_sandbox").code()).isZero();
      assertThat(throttled.sandboxClient().token()).isNotBlank();
      throttled.clock().advance(java.time.Duration.ofSeconds(61));
      assertThat(wrong.get("/paycron/admin/v1/merchants/mer_sandbox").status()).isEqualTo(401);
    }
  }

  private static long merchantsNamed(TestServer server, String name) {
    return server
        .jdbc()
        .sql("SELECT COUNT(*) FROM merchants WHERE name = :name")
        .param("name", name)
        .query(Long.class)
        .single();
  }

  private static long count(TestServer server, String table) {
    return server.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
