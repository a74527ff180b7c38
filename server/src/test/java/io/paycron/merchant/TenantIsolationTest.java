package io.paycron.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.ApiClient.Answer;
import io.paycron.support.Cards;
import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merchant B naming merchant A's objects (imp_uid, merchant_uid, customer_uid, schedule,
 * subscription, plan, test clock, event) gets exactly the answer it gets for an object that does
 * not exist, on every endpoint that takes one, and A's objects do not change.
 */
class TenantIsolationTest {

  private static final Servers servers = new Servers();
  private static final String ID = "~ID~";

  @AfterAll
  static void stop() {
    servers.close();
  }

  /** A request that names A's object {@code id}; {@code ~ID~} stands for it in path and body. */
  private record Probe(String id, String kind, String method, String path, String body) {}

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anotherMerchantsObjectsAreIndistinguishableFromMissingOnes(TestDatabase database) {
    TestServer server = servers.on(database);
    ApiClient a = server.newMerchantClient(unique("tenant-a"));
    ApiClient b = server.newMerchantClient(unique("tenant-b"));

    // merchant A's objects
    String customer = unique("cus");
    assertThat(a.postJson("/subscribe/customers/" + customer, Cards.card(Cards.APPROVE)).code())
        .isZero();
    String merchantUid = unique("order");
    String impUid =
        a.postJson(
                "/subscribe/payments/again",
                Map.of("customer_uid", customer, "merchant_uid", merchantUid, "amount", 5000))
            .response()
            .get("imp_uid")
            .asString();
    String scheduled = unique("sched");
    long future = server.clock().millis() / 1000 + 86_400;
    assertThat(
            a.postJson(
                    "/subscribe/payments/schedule",
                    Map.of(
                        "customer_uid",
                        customer,
                        "schedules",
                        List.of(
                            Map.of(
                                "merchant_uid", scheduled, "schedule_at", future, "amount", 1000))))
                .code())
        .isZero();
    String plan = unique("plan");
    assertThat(
            a.postJson(
                    "/paycron/v1/plans",
                    Map.of("plan_id", plan, "name", "A", "amount", 1000, "interval", "month"))
                .code())
        .isZero();
    String subscription = unique("sub");
    assertThat(
            a.postJson(
                    "/paycron/v1/subscriptions",
                    Map.of(
                        "subscription_id", subscription,
                        "customer_uid", customer,
                        "plan_id", plan,
                        "anchor_at", future))
                .code())
        .isZero();
    String clock =
        a.postJson("/paycron/v1/test_clocks", Map.of()).response().get("test_clock_id").asString();

    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe(impUid, "imp_uid", "GET", "/payments/" + ID, null));
    probes.add(new Probe(impUid, "imp_uid", "GET", "/payments?imp_uid[]=" + ID, null));
    probes.add(new Probe(impUid, "imp_uid", "POST", "/payments/cancel", json("imp_uid", ID)));
    probes.add(new Probe(impUid, "imp_uid", "GET", "/paycron/v1/events?object_id=" + ID, null));
    probes.add(new Probe(merchantUid, "merchant_uid", "GET", "/payments/find/" + ID, null));
    probes.add(
        new Probe(merchantUid, "merchant_uid", "GET", "/payments/find/" + ID + "/paid", null));
    probes.add(new Probe(merchantUid, "merchant_uid", "GET", "/payments/findAll/" + ID, null));
    probes.add(
        new Probe(merchantUid, "merchant_uid", "GET", "/payments?merchant_uid[]=" + ID, null));
    probes.add(
        new Probe(
            merchantUid, "merchant_uid", "POST", "/payments/cancel", json("merchant_uid", ID)));
    probes.add(new Probe(customer, "customer_uid", "GET", "/subscribe/customers/" + ID, null));
    probes.add(
        new Probe(
            customer, "customer_uid", "GET", "/subscribe/customers?customer_uid[]=" + ID, null));
    probes.add(
        new Probe(
            customer, "customer_uid", "GET", "/subscribe/customers/" + ID + "/payments", null));
    probes.add(
        new Probe(
            customer, "customer_uid", "GET", "/subscribe/customers/" + ID + "/schedules", null));
    probes.add(
        new Probe(
            customer, "customer_uid", "GET", "/subscribe/payments/schedule/customers/" + ID, null));
    probes.add(
        new Probe(
            customer,
            "customer_uid",
            "POST",
            "/subscribe/payments/again",
            "{\"customer_uid\":\""
                + ID
                + "\",\"merchant_uid\":\"probe_"
                + UUID.randomUUID()
                + "\",\"amount\":1000}"));
    probes.add(
        new Probe(
            customer,
            "customer_uid",
            "POST",
            "/subscribe/payments/unschedule",
            json("customer_uid", ID)));
    probes.add(new Probe(customer, "customer_uid", "DELETE", "/subscribe/customers/" + ID, null));
    probes.add(new Probe(scheduled, "schedule", "GET", "/subscribe/payments/schedule/" + ID, null));
    probes.add(
        new Probe(
            scheduled,
            "schedule",
            "PUT",
            "/subscribe/payments/schedule/" + ID,
            "{\"schedule_at\":" + (future + 60) + "}"));
    probes.add(
        new Probe(
            scheduled,
            "schedule",
            "POST",
            "/subscribe/payments/schedule/" + ID + "/reschedule",
            "{\"schedule_at\":" + (future + 60) + "}"));
    probes.add(
        new Probe(
            scheduled, "schedule", "POST", "/subscribe/payments/schedule/" + ID + "/retry", "{}"));
    probes.add(
        new Probe(
            scheduled,
            "schedule",
            "POST",
            "/subscribe/payments/unschedule",
            json("merchant_uid", ID)));
    probes.add(new Probe(plan, "plan", "GET", "/paycron/v1/plans/" + ID, null));
    probes.add(
        new Probe(subscription, "subscription", "GET", "/paycron/v1/subscriptions/" + ID, null));
    for (String action : List.of("/cancel", "/pause", "/resume")) {
      probes.add(
          new Probe(
              subscription,
              "subscription",
              "POST",
              "/paycron/v1/subscriptions/" + ID + action,
              "{}"));
    }
    probes.add(
        new Probe(
            subscription,
            "subscription",
            "PUT",
            "/paycron/v1/subscriptions/" + ID,
            json("plan_id", plan)));
    probes.add(new Probe(clock, "test clock", "GET", "/paycron/v1/test_clocks/" + ID, null));
    probes.add(
        new Probe(
            clock,
            "test clock",
            "POST",
            "/paycron/v1/test_clocks/" + ID + "/advance",
            "{\"frozen_time\":" + (future + 3600) + "}"));

    String before = stateOf(a, impUid, customer, scheduled, subscription, clock);
    for (Probe probe : probes) {
      String realId = probe.id();
      String missingId = realId + "x";
      Answer foreign = send(b, probe, realId);
      Answer missing = send(b, probe, missingId);
      String what = probe.method() + " " + probe.path() + " with A's " + probe.kind();
      assertThat(foreign.status()).as(what + ": " + foreign).isEqualTo(missing.status());
      assertThat(foreign.body().toString().replace(realId, "<id>"))
          .as(what)
          .isEqualTo(missing.body().toString().replace(missingId, "<id>"));
      assertThat(foreign.status()).as(what + ": " + foreign).isNotEqualTo(500);
    }
    assertThat(stateOf(a, impUid, customer, scheduled, subscription, clock)).isEqualTo(before);
  }

  private static String json(String field, String value) {
    return "{\"" + field + "\":\"" + value + "\"}";
  }

  private static Answer send(ApiClient client, Probe probe, String id) {
    return client.send(
        probe.method(),
        probe.path().replace(ID, ApiClient.encode(id)),
        probe.body() == null ? null : "application/json",
        probe.body() == null ? null : probe.body().replace(ID, id));
  }

  /** What A can see of its objects, to compare before and after B's probes. */
  private static String stateOf(ApiClient a, String... ids) {
    StringBuilder state = new StringBuilder();
    for (String path :
        List.of(
            "/payments/" + ids[0],
            "/subscribe/customers/" + ids[1],
            "/subscribe/payments/schedule/" + ids[2],
            "/paycron/v1/subscriptions/" + ids[3],
            "/paycron/v1/test_clocks/" + ids[4])) {
      state.append(JsonMapper.shared().writeValueAsString(a.get(path).body())).append('\n');
    }
    return state.toString();
  }
}
