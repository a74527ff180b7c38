package io.paycron.web;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regression examples for the bad-input faults {@link BadInputProperties} found (each answered HTTP
 * 500, pinned a CPU, or refunded a whole balance): every one states the documented behaviour of
 * API.md §1 and §12.
 */
class BadInputFaultsProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static TestServer server;
  private static ApiClient api;

  @BeforeContainer
  static void start() {
    server = TestServer.start(TestDatabase.SQLITE);
    api = server.sandboxClient();
    api.postJson("/subscribe/customers/faults", Cards.card(Cards.APPROVE));
  }

  @AfterContainer
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Example
  void malformedPercentEncodingInAQueryIsRefusedWith400() {
    assertSoftly(
        soft -> {
          refused(soft, send("GET", "/payments?imp_uid%5B%5D=%FF", null, null, true));
          refused(soft, send("GET", "/payments/status/paid?page=%C3%28", null, null, true));
        });
  }

  @Example
  void malformedPercentEncodingInAFormBodyIsRefusedWith400() {
    String form = "application/x-www-form-urlencoded";
    assertSoftly(
        soft -> {
          refused(
              soft,
              send("POST", "/payments/cancel", form, "imp_uid=" + paid() + "&amount=%zz", true));
          refused(soft, send("POST", "/users/getToken", form, "imp_key=%FF&imp_secret=x", false));
          refused(soft, send("DELETE", "/subscribe/customers/faults", form, "reason=%zz", true));
        });
  }

  @Example
  void aParameterWithAnEmptyNameIsRefusedWith400OrIgnored() {
    assertSoftly(
        soft -> {
          noFault(soft, send("GET", "/payments/status/paid?=1", null, null, true));
          noFault(
              soft,
              send(
                  "POST",
                  "/subscribe/payments/again",
                  "application/x-www-form-urlencoded",
                  "customer_uid=faults&merchant_uid=" + unique() + "&amount=1000&=x",
                  true));
        });
  }

  @Example
  void moreThanAThousandParametersAreRefusedWith400() {
    StringBuilder pairs = new StringBuilder("imp_uid=x");
    for (int i = 0; i < 1200; i++) {
      pairs.append("&p").append(i).append("=1");
    }
    assertSoftly(
        soft -> {
          refused(
              soft,
              send(
                  "POST",
                  "/payments/cancel",
                  "application/x-www-form-urlencoded",
                  pairs.toString(),
                  true));
          refused(soft, send("GET", "/payments?" + pairs, null, null, true));
        });
  }

  @Example
  void aNumberWithAnExponentOutsideTheIntRangeIsRefusedWith400() {
    assertSoftly(
        soft -> {
          for (String number : new String[] {"1e9999999999", "1E-2147483648", "1E+2147483647"}) {
            refused(
                soft,
                send(
                    "POST",
                    "/payments/cancel",
                    "application/json",
                    "{\"imp_uid\":\"" + paid() + "\",\"amount\":" + number + "}",
                    true));
          }
          refused(
              soft,
              send(
                  "POST",
                  "/subscribe/payments/again",
                  "application/json",
                  "{\"customer_uid\":\"faults\",\"merchant_uid\":1E+2147483647,\"amount\":1000}",
                  true));
        });
  }

  @Example
  void theErrorPathIsAnUnknownRouteNotAServerFault() {
    assertSoftly(
        soft -> {
          soft.assertThat(send("GET", "/error", null, null, true).statusCode()).isEqualTo(404);
          soft.assertThat(send("POST", "/error", "application/json", "{}", false).statusCode())
              .isEqualTo(404);
        });
  }

  @Example
  void aWildcardContentTypeOnAnUnknownRouteAnswers404() {
    assertSoftly(
        soft -> {
          for (String type : new String[] {"*/*", "application/*"}) {
            HttpResponse<String> response = send("GET", "/no/such/route", type, null, true);
            noFault(soft, response);
            soft.assertThat(response.statusCode()).as(type).isEqualTo(404);
          }
        });
  }

  @Example
  void aTinyNumberWithAHugeExponentIsRefusedAtOnce() {
    long started = System.nanoTime();
    HttpResponse<String> answer =
        send(
            "POST",
            "/payments/cancel",
            "application/json",
            "{\"imp_uid\":\"" + paid() + "\",\"amount\":1e10000000}",
            true);
    assertSoftly(soft -> refused(soft, answer));
    org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofSeconds(5));
  }

  @Example
  void unicodeDigitsAndNonCurrenciesAreRefused() {
    assertSoftly(
        soft -> {
          refused(
              soft,
              send(
                  "POST",
                  "/payments/cancel",
                  "application/json",
                  "{\"imp_uid\":\"" + paid() + "\",\"amount\":\"\u0661\u0660\"}",
                  true));
          refused(
              soft,
              send(
                  "POST",
                  "/subscribe/payments/again",
                  "application/json",
                  "{\"customer_uid\":\"faults\",\"merchant_uid\":\""
                      + unique()
                      + "\",\"amount\":10,\"currency\":\"XXX\"}",
                  true));
        });
  }

  @Example
  void optionsAndMalformedPutOrDeleteFormsAnswerWithTheEnvelope() {
    assertSoftly(
        soft -> {
          HttpResponse<String> options = send("OPTIONS", "/payments/x", null, null, true);
          noFault(soft, options);
          soft.assertThat(options.statusCode()).isEqualTo(405);
          refused(
              soft,
              send(
                  "PUT",
                  "/paycron/v1/webhook",
                  "application/x-www-form-urlencoded",
                  "url=%zz",
                  true));
        });
  }

  @Example
  void anEncodedSlashBackslashOrNulInAPathIsAnsweredWithTheEnvelope() {
    assertSoftly(
        soft -> {
          for (String path :
              new String[] {
                "/payments/a%2Fb",
                "/payments/a%5Cb",
                "/payments/a%00b",
                "/payments/%FF",
                "/payments/" + "a".repeat(9000)
              }) {
            refused(soft, send("GET", path, null, null, true));
          }
        });
  }

  @Example
  void aBlankCancelAmountIsRefusedAndNeverReadAsTheWholeBalance() {
    assertSoftly(
        soft -> {
          for (String blank : new String[] {"\"\"", "\"  \""}) {
            String impUid = paid();
            HttpResponse<String> answer =
                send(
                    "POST",
                    "/payments/cancel",
                    "application/json",
                    "{\"imp_uid\":\"" + impUid + "\",\"amount\":" + blank + "}",
                    true);
            soft.assertThat(api.get("/payments/" + impUid).response().get("cancel_amount").asLong())
                .as("refunded by amount %s: %s", blank, answer.body())
                .isZero();
            soft.assertThat(answer.statusCode()).isEqualTo(400);
          }
        });
  }

  private static String paid() {
    return api.postJson(
            "/subscribe/payments/again",
            Map.of("customer_uid", "faults", "merchant_uid", unique(), "amount", 1000))
        .response()
        .get("imp_uid")
        .asString();
  }

  private static String unique() {
    return "faults_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void refused(SoftAssertions soft, HttpResponse<String> response) {
    noFault(soft, response);
    soft.assertThat(response.statusCode()).as(cut(response)).isEqualTo(400);
  }

  /** Not 500, and the body is the envelope. */
  private static void noFault(SoftAssertions soft, HttpResponse<String> response) {
    soft.assertThat(response.statusCode()).as(cut(response)).isNotEqualTo(500);
    try {
      JsonNode envelope = JSON.readTree(response.body());
      soft.assertThat(envelope.propertyNames())
          .as(cut(response))
          .containsExactlyInAnyOrder("code", "message", "response");
    } catch (RuntimeException e) {
      soft.fail("not the envelope: " + cut(response));
    }
  }

  private static String cut(HttpResponse<String> response) {
    String body = response.body();
    return response.request().method()
        + " "
        + response.uri().getRawPath()
        + " => "
        + response.statusCode()
        + " "
        + (body.length() > 200 ? body.substring(0, 200) : body);
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String body, boolean withToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    if (withToken) {
      request.header("Authorization", api.token());
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path, e);
    }
  }
}
