package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * What the rows of each data set ({@code migration-data/V{n}.sql}) look like through the API of the
 * current server once their store is upgraded: the merchant of V1.sql logs in with its old key and
 * reads them, then uses them (its old billing key still charges, its old merchant_uids stay spent
 * or free, its old due schedules can still be revoked).
 */
final class ReleasedRowsOverTheApi {

  private static final String IMP_KEY = "imp_upgraded";
  private static final String REVOKED_IMP_KEY = "imp_upgraded_revoked";
  private static final String SECRET = "secret-of-a-key-issued-before-the-upgrade";
  private static final String TOKEN = "token-issued-before-the-upgrade";

  /** The checks of each data set, by the version whose file holds it. */
  private static final Map<String, Consumer<ApiClient>> BY_DATA_SET =
      Map.of(
          "1", ReleasedRowsOverTheApi::v1,
          "2", ReleasedRowsOverTheApi::v2,
          "3", ReleasedRowsOverTheApi::v3,
          "4", ReleasedRowsOverTheApi::v4,
          "5", ReleasedRowsOverTheApi::v5,
          "6", ReleasedRowsOverTheApi::v6);

  private ReleasedRowsOverTheApi() {}

  /** Reads every listed data set back, then writes through the rows of the oldest ones. */
  static void check(String baseUrl, List<String> dataSets) {
    Answer refused = login(baseUrl, REVOKED_IMP_KEY);
    assertThat(refused.status()).as("a key revoked before the upgrade: %s", refused).isEqualTo(401);
    ApiClient api = ApiClient.login(baseUrl, IMP_KEY, SECRET);
    dataSets.stream().filter(BY_DATA_SET::containsKey).forEach(v -> BY_DATA_SET.get(v).accept(api));
    if (dataSets.contains("2")) {
      // V5 moved due schedules into schedule_queue; revoking takes the queue row first
      Answer revoked = api.postJson("/subscribe/payments/unschedule", unschedule());
      assertThat(revoked.code()).as("revoking a schedule due since V2: %s", revoked).isZero();
      assertThat(revoked.response().get(0).get("schedule_status").asString()).isEqualTo("revoked");
    }
    // V3 derived live_uid from status: a paid merchant_uid stays spent, a failed-only one is free
    Answer spent = again(api, "order_v1_paid");
    assertThat(spent.code()).as("charging a merchant_uid paid at V1 again: %s", spent).isEqualTo(1);
    assertThat(ok(again(api, "order_v1_failed_only")).get("status").asString())
        .as("charging a merchant_uid whose payments at V1 all failed")
        .isEqualTo("paid");
    assertThat(ok(again(api, "order_after_upgrade")).get("status").asString())
        .as("charging the billing key registered at V1")
        .isEqualTo("paid");
  }

  private static void v1(ApiClient api) {
    JsonNode paid = ok(api.withToken(TOKEN).get("/payments/imps_000000000101"));
    assertThat(paid.get("status").asString()).isEqualTo("paid");
    assertThat(paid.get("merchant_uid").asString()).isEqualTo("order_v1_paid");
    assertThat(paid.get("customer_uid").asString()).isEqualTo("cust_v1");
    assertThat(paid.get("amount").asLong()).isEqualTo(10_000);
    assertThat(paid.get("name").asString()).isEqualTo("정기배송 1월");
    assertThat(paid.get("card_number").asString()).isEqualTo("42424242****4242");
    assertThat(paid.get("custom_data").asString()).isEqualTo("{\"order\":\"v1\"}");
    assertThat(paid.get("paid_at").asLong()).isEqualTo(1_767_225_621L);
    JsonNode retried = ok(api.get("/payments/find/order_v1_retried"));
    assertThat(retried.get("imp_uid").asString()).isEqualTo("imps_000000000103");
    JsonNode refunded = ok(api.get("/payments/imps_000000000105"));
    assertThat(refunded.get("status").asString()).isEqualTo("cancelled");
    assertThat(refunded.get("cancel_amount").asLong()).isEqualTo(5_000);
    assertThat(refunded.get("cancel_history").get(0).get("cancellation_id").asString())
        .isEqualTo("cncl_00000000000000000105");
    JsonNode customer = ok(api.get("/subscribe/customers/cust_v1"));
    assertThat(customer.get("card_name").asString()).isEqualTo("신한카드");
    assertThat(customer.get("customer_name").asString()).isEqualTo("김민지");
    assertThat(customer.get("customer_email").asString()).isEqualTo("minji@example.com");
  }

  private static void v2(ApiClient api) {
    JsonNode due = ok(api.get("/subscribe/payments/schedule/order_v2_due_2100"));
    assertThat(due.get("schedule_status").asString()).isEqualTo("scheduled");
    assertThat(due.get("schedule_at").asLong()).isEqualTo(4_102_444_800L);
    assertThat(due.get("buyer_name").asString()).isEqualTo("김민지");
    JsonNode executed = ok(api.get("/subscribe/payments/schedule/order_v2_executed"));
    assertThat(executed.get("schedule_status").asString()).isEqualTo("executed");
    assertThat(executed.get("payment_status").asString()).isEqualTo("paid");
    assertThat(executed.get("imp_uid").asString()).isEqualTo("imps_000000000201");
    JsonNode revoked = ok(api.get("/subscribe/payments/schedule/order_v2_revoked"));
    assertThat(revoked.get("schedule_status").asString()).isEqualTo("revoked");
    JsonNode refundedInPart = ok(api.get("/payments/imps_000000000202"));
    assertThat(refundedInPart.get("status").asString()).isEqualTo("paid");
    assertThat(refundedInPart.get("cancel_amount").asLong()).isEqualTo(5_000);
    JsonNode delivered = ok(api.get("/paycron/v1/events?object_id=imps_000000000201")).get(0);
    assertThat(delivered.get("status").asString()).isEqualTo("delivered");
    assertThat(delivered.get("attempts")).hasSize(1);
    JsonNode failed = ok(api.get("/paycron/v1/events?object_id=imps_000000000202")).get(0);
    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.get("attempts")).hasSize(2);
  }

  private static void v3(ApiClient api) {
    assertThat(ok(api.get("/payments/imps_000000000301")).get("status").asString())
        .isEqualTo("paid");
    JsonNode failed = ok(api.get("/payments/imps_000000000302"));
    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.get("fail_reason").asString()).isEqualTo("한도가 초과되었습니다");
  }

  private static void v4(ApiClient api) {
    assertThat(ok(api.get("/payments/imps_000000000401")).get("amount").asLong()).isEqualTo(14_000);
  }

  private static void v5(ApiClient api) {
    assertThat(
            ok(api.get("/subscribe/payments/schedule/order_v5_due_2100"))
                .get("schedule_status")
                .asString())
        .isEqualTo("scheduled");
  }

  private static void v6(ApiClient api) {
    JsonNode clock = ok(api.get("/paycron/v1/test_clocks/clock_386d255bd0f10ffc12e94d85"));
    assertThat(clock.get("frozen_time").asLong()).isEqualTo(1_780_272_000L);
    JsonNode plan = ok(api.get("/paycron/v1/plans/plan_v6_monthly"));
    assertThat(plan.get("amount").asLong()).isEqualTo(9_900);
    assertThat(plan.get("interval").asString()).isEqualTo("month");
    JsonNode subscription = ok(api.get("/paycron/v1/subscriptions/sub_v6"));
    assertThat(subscription.get("status").asString()).isEqualTo("active");
    assertThat(subscription.get("next_merchant_uid").asString()).isEqualTo("sub_v6-p1");
    assertThat(
            ok(api.get("/subscribe/payments/schedule/sub_v6-p1")).get("schedule_status").asString())
        .isEqualTo("scheduled");
  }

  private static Answer login(String baseUrl, String impKey) {
    return new ApiClient(baseUrl, null)
        .postJson("/users/getToken", Map.of("imp_key", impKey, "imp_secret", SECRET));
  }

  private static Answer again(ApiClient api, String merchantUid) {
    return api.postJson(
        "/subscribe/payments/again",
        Map.of("customer_uid", "cust_v1", "merchant_uid", merchantUid, "amount", 1_000));
  }

  private static Map<String, Object> unschedule() {
    return Map.of("customer_uid", "cust_v1", "merchant_uid", List.of("order_v2_due_2100"));
  }

  private static JsonNode ok(Answer answer) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response();
  }
}
