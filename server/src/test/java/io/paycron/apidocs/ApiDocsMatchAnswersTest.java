package io.paycron.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real answers have exactly the keys their documented schemas list, and the documentation is served
 * without a token while the rest of the server still answers unknown routes with the JSON envelope.
 */
class ApiDocsMatchAnswersTest {

  private static final String ADMIN_TOKEN = "apidocs-admin-token-0123456789abcdef0123456789";
  private static TestServer server;
  private static JsonNode document;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.SQLITE, Map.of("paycron.admin-token", ADMIN_TOKEN));
    document = ApiDocument.fetch(server);
    client = server.sandboxClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void getTokenAnswersTheDocumentedKeys() {
    ApiClient.Answer answer =
        new ApiClient(server.baseUrl(), null)
            .postJson(
                "/users/getToken",
                Map.of(
                    "imp_key",
                    io.paycron.merchant.SandboxMerchant.IMP_KEY,
                    "imp_secret",
                    io.paycron.merchant.SandboxMerchant.IMP_SECRET));
    assertMatches("POST", "/users/getToken", answer);
  }

  @Test
  void billingKeyChargeLookupScheduleAndErrorAnswerTheDocumentedKeys() {
    Map<String, Object> card = new HashMap<>(Cards.card(Cards.APPROVE));
    card.put("customer_name", "Hong Gildong");
    assertMatches(
        "POST", "/subscribe/customers/{customer_uid}", post("/subscribe/customers/doc_1", card));
    assertMatches(
        "GET", "/subscribe/customers/{customer_uid}", client.get("/subscribe/customers/doc_1"));

    ApiClient.Answer paid =
        post(
            "/subscribe/payments/again",
            Map.of("customer_uid", "doc_1", "merchant_uid", "doc_order_1", "amount", 8900));
    assertMatches("POST", "/subscribe/payments/again", paid);
    String impUid = paid.response().get("imp_uid").asString();
    assertMatches("GET", "/payments/{imp_uid}", client.get("/payments/" + impUid));
    assertMatches(
        "POST",
        "/payments/cancel",
        post("/payments/cancel", Map.of("imp_uid", impUid, "amount", 1000)));
    assertMatches("GET", "/payments/status/{status}", client.get("/payments/status/all?limit=5"));

    long at = server.clock().instant().getEpochSecond() + 3600;
    assertMatches(
        "POST",
        "/subscribe/payments/schedule",
        post(
            "/subscribe/payments/schedule",
            Map.of(
                "customer_uid",
                "doc_1",
                "schedules",
                List.of(
                    Map.of("merchant_uid", "doc_sched_1", "schedule_at", at, "amount", 5000)))));
    assertMatches(
        "GET",
        "/subscribe/payments/schedule/{merchant_uid}",
        client.get("/subscribe/payments/schedule/doc_sched_1"));
    assertMatches("GET", "/paycron/v1/webhook", client.get("/paycron/v1/webhook"));

    ApiClient.Answer missing = client.get("/payments/imps_000000000000");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(document.at("/paths/~1payments~1{imp_uid}/get/responses").has("404")).isTrue();
    assertSameKeys(
        "the error envelope",
        missing.body(),
        document.at("/components/schemas/" + Operations.ERROR_ENVELOPE));
  }

  @Test
  void paycronExtensionsAndAdminAnswerTheDocumentedKeys() {
    Map<String, Object> card = new HashMap<>(Cards.card(Cards.APPROVE));
    post("/subscribe/customers/doc_sub", card);
    assertMatches(
        "POST",
        "/paycron/v1/plans",
        post(
            "/paycron/v1/plans",
            Map.of("plan_id", "doc_plan", "name", "Pro", "amount", 9900, "interval", "month")));
    assertMatches(
        "POST",
        "/paycron/v1/subscriptions",
        post(
            "/paycron/v1/subscriptions",
            Map.of("subscription_id", "doc_s1", "customer_uid", "doc_sub", "plan_id", "doc_plan")));
    assertMatches(
        "GET",
        "/paycron/v1/subscriptions",
        client.get("/paycron/v1/subscriptions?customer_uid=doc_sub"));
    assertMatches(
        "POST", "/paycron/v1/test_clocks", post("/paycron/v1/test_clocks", Map.of("name", "doc")));
    ApiClient.Answer paid =
        post(
            "/subscribe/payments/again",
            Map.of(
                "customer_uid", "doc_sub",
                "merchant_uid", "doc_order_2",
                "amount", 1000,
                "notice_url", "http://127.0.0.1:9/hook"));
    String impUid = paid.response().get("imp_uid").asString();
    assertMatches(
        "GET", "/paycron/v1/events", client.get("/paycron/v1/events?object_id=" + impUid));
    ApiClient.Answer endpoint =
        post(
            "/paycron/v1/webhook_endpoints",
            Map.of("url", "http://127.0.0.1:9/endpoint", "event_types", List.of("payment.*")));
    assertMatches("POST", "/paycron/v1/webhook_endpoints", endpoint);
    assertMatches(
        "GET",
        "/paycron/v1/webhook_endpoints/{endpoint_id}",
        client.get(
            "/paycron/v1/webhook_endpoints/" + endpoint.response().get("endpoint_id").asString()));
    assertMatches(
        "POST",
        "/paycron/v1/events/replay",
        post("/paycron/v1/events/replay", Map.of("from", 0, "to", 4_000_000_000L)));

    ApiClient admin = new ApiClient(server.baseUrl(), "Bearer " + ADMIN_TOKEN);
    ApiClient.Answer created = admin.postJson("/paycron/admin/v1/merchants", Map.of("name", "Doc"));
    assertMatches("POST", "/paycron/admin/v1/merchants", created);
    String merchantId = created.response().get("merchant_id").asString();
    assertMatches(
        "GET",
        "/paycron/admin/v1/merchants/{merchant_id}",
        admin.get("/paycron/admin/v1/merchants/" + merchantId));
    assertMatches(
        "PUT",
        "/paycron/admin/v1/merchants/{merchant_id}/gateways/{pg}",
        admin.send(
            "PUT",
            "/paycron/admin/v1/merchants/" + merchantId + "/gateways/sandbox",
            "application/json",
            "{\"provider\":\"sandbox\",\"default\":true}"));
    assertMatches(
        "DELETE",
        "/paycron/admin/v1/merchants/{merchant_id}/tokens",
        admin.delete("/paycron/admin/v1/merchants/" + merchantId + "/tokens"));
  }

  /** The documented request examples, in an order in which each works on a fresh server. */
  private static final List<String> EXAMPLES =
      List.of(
          "POST /users/getToken",
          "POST /subscribe/customers/{customer_uid}",
          "POST /subscribe/payments/again",
          "POST /payments/cancel",
          "POST /subscribe/payments/schedule",
          "POST /subscribe/payments/unschedule");

  @Test
  void everyDocumentedRequestExampleWorksAndAnswersTheDocumentedKeys() {
    List<String> documented = new java.util.ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          if (operation
                              .getValue()
                              .at("/requestBody/content/application~1json")
                              .has("example")) {
                            documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                          }
                        }));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(EXAMPLES);
    for (String route : EXAMPLES) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      JsonNode example =
          document
              .path("paths")
              .path(path)
              .path(method.toLowerCase())
              .at("/requestBody/content/application~1json/example");
      ApiClient.Answer answer =
          client.send(
              method,
              path.replace("{customer_uid}", "gildong_0001_1234"),
              "application/json",
              example.toString());
      assertMatches(method, path, answer);
    }
  }

  private static ApiClient.Answer post(String path, Object body) {
    ApiClient.Answer answer = client.postJson(path, body);
    assertThat(answer.code()).as("%s: %s", path, answer).isZero();
    return answer;
  }

  /** The envelope and the object (or each array item) in it have the documented keys. */
  private static void assertMatches(String method, String path, ApiClient.Answer answer) {
    assertThat(answer.code()).as("%s %s: %s", method, path, answer).isZero();
    JsonNode envelope =
        document
            .path("paths")
            .path(path)
            .path(method.toLowerCase())
            .at("/responses/200/content/application~1json/schema");
    assertThat(envelope.isMissingNode()).as("%s %s is documented", method, path).isFalse();
    assertSameKeys(method + " " + path + " envelope", answer.body(), envelope);
    JsonNode schema = ApiDocument.resolve(document, envelope.at("/properties/response"));
    JsonNode response = answer.response();
    if (schema.path("type").asString().equals("array")) {
      schema = ApiDocument.resolve(document, schema.get("items"));
      assertThat(response.isArray()).isTrue();
      assertThat(response.size()).isPositive();
      response = response.get(0);
    }
    assertSameKeys(method + " " + path, response, schema);
    // the paged wrapper's items too
    if (response.has("list") && response.get("list").size() > 0) {
      assertSameKeys(
          method + " " + path + " list item",
          response.get("list").get(0),
          ApiDocument.resolve(document, schema.at("/properties/list/items")));
    }
  }

  private static void assertSameKeys(String what, JsonNode answer, JsonNode schema) {
    Set<String> answered = new TreeSet<>(answer.propertyNames());
    Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
    assertThat(answered).as("%s: keys answered vs documented", what).isEqualTo(documented);
  }

  @Test
  void documentationIsPublicAndSwaggerUiIsServed() {
    HttpResponse<String> ui = ApiDocument.get(server, "/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(ApiDocument.get(server, "/swagger-ui.html").statusCode()).isIn(200, 302);
    HttpResponse<String> config = ApiDocument.get(server, "/v3/api-docs/swagger-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("/v3/api-docs");
    HttpResponse<String> yaml = ApiDocument.get(server, "/v3/api-docs.yaml");
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.body()).startsWith("openapi:");
    assertThat(ApiDocument.get(server, "/swagger-ui/swagger-ui-bundle.js").statusCode())
        .isEqualTo(200);
    HttpResponse<String> initializer =
        ApiDocument.get(server, "/swagger-ui/swagger-initializer.js");
    assertThat(initializer.statusCode()).isEqualTo(200);
    assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
  }

  @Test
  void unknownRoutesStillAnswerTheJsonEnvelope() {
    for (String path : List.of("/no/such/route", "/swagger-ui/no-such-file.js", "/v3/nothing")) {
      HttpResponse<String> answer = ApiDocument.get(server, path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).startsWith("{\"code\":1,");
    }
    // a merchant route still needs its token
    HttpResponse<String> noToken = ApiDocument.get(server, "/payments/imps_000000000000");
    assertThat(noToken.statusCode()).isEqualTo(401);
  }
}
