package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console refunds over HTTP: amounts are in the currency's major unit like the API, a confirmed
 * form refunds once however often it is posted, and every attempt is audited with its outcome.
 */
class ConsoleRefundTest {

  private static TestServer server;
  private static ApiClient api;
  private static String cookie;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of(
                "paycron.console.user",
                ConsoleBrowserTest.OPERATOR,
                "paycron.console.password",
                ConsoleBrowserTest.PASSWORD));
    api = server.sandboxClient();
    cookie = logIn();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void usdAmountsAreShownAndRefundedInDollars() {
    String impUid = pay("100.00", "USD");
    String merchant = merchantOf(impUid);
    String detail = send(get(paymentPath(merchant, impUid))).body();
    assertThat(detail).contains("100.00 USD").doesNotContain("10,000 USD");

    String confirm = send(get(cancelPath(merchant, impUid, "1.00"))).body();
    assertThat(confirm).contains("1.00 USD");
    HttpResponse<String> refunded = post(hiddenFields(confirm));
    assertThat(flash(refunded)).contains("1.00 USD");
    assertThat(cancelAmountMinor(impUid)).isEqualTo(100);

    // the whole rest: 99.00 USD
    String all = send(get(cancelPath(merchant, impUid, ""))).body();
    assertThat(all).contains("99.00 USD");
    post(hiddenFields(all));
    assertThat(cancelAmountMinor(impUid)).isEqualTo(10_000);
    assertThat(
            server
                .jdbc()
                .sql("SELECT detail FROM audit_log WHERE object_id = ? ORDER BY at")
                .param(impUid)
                .query(String.class)
                .list())
        .allMatch(d -> d.contains("USD") && d.contains("outcome=done"));
  }

  @Test
  void krwRefundsStillWork() {
    String impUid = pay("10000", "KRW");
    String merchant = merchantOf(impUid);
    String confirm = send(get(cancelPath(merchant, impUid, "1000"))).body();
    assertThat(confirm).contains("1,000 KRW");
    post(hiddenFields(confirm));
    assertThat(cancelAmountMinor(impUid)).isEqualTo(1000);
  }

  @Test
  void aConfirmedFormPostedTwiceRefundsOnce() {
    String impUid = pay("10000", "KRW");
    String merchant = merchantOf(impUid);
    Map<String, String> form = hiddenFields(send(get(cancelPath(merchant, impUid, "1000"))).body());
    post(form);
    HttpResponse<String> again = post(form);
    assertThat(flash(again)).contains("Not refunded: the balance changed");
    assertThat(cancelAmountMinor(impUid)).isEqualTo(1000);
  }

  @Test
  void aRefusedRefundIsAuditedWithItsOutcome() {
    String impUid = pay("5000", "KRW");
    String merchant = merchantOf(impUid);
    Map<String, String> form = hiddenFields(send(get(cancelPath(merchant, impUid, "1000"))).body());
    form.put("amount", "6000");
    HttpResponse<String> refused = post(form);
    assertThat(flash(refused)).contains("Not refunded");
    assertThat(cancelAmountMinor(impUid)).isZero();
    assertThat(
            server
                .jdbc()
                .sql(
                    "SELECT detail FROM audit_log WHERE action = 'cancel_payment' AND object_id = ?")
                .param(impUid)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("outcome=refused");
  }

  @Test
  void aFailedRevokeIsAuditedWithItsOutcome() {
    String merchant = merchantOf(pay("1000", "KRW"));
    Map<String, String> form =
        hiddenFields(
            send(get(
                    "/console/schedules/revoke?merchant="
                        + enc(merchant)
                        + "&merchant_uid=no_such_schedule"))
                .body());
    HttpResponse<String> answer =
        send(
            get("/console/schedules/revoke")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.entrySet().stream()
                            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                            .collect(Collectors.joining("&")))));
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(
            server
                .jdbc()
                .sql(
                    "SELECT detail FROM audit_log WHERE action = 'revoke_schedule'"
                        + " AND object_id = 'no_such_schedule'")
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .startsWith("outcome=refused");
  }

  private static String pay(String amount, String currency) {
    Map<String, Object> body = new LinkedHashMap<>(Cards.card(Cards.APPROVE));
    body.put("merchant_uid", "console_refund_" + UUID.randomUUID());
    body.put("amount", new java.math.BigDecimal(amount));
    body.put("currency", currency);
    body.put("name", "Refund test");
    ApiClient.Answer answer = api.postJson("/subscribe/payments/onetime", body);
    assertThat(answer.code()).as(answer.toString()).isZero();
    assertThat(answer.response().get("status").asString()).isEqualTo("paid");
    return answer.response().get("imp_uid").asString();
  }

  private static String merchantOf(String impUid) {
    return server
        .jdbc()
        .sql("SELECT merchant_id FROM payments WHERE imp_uid = ?")
        .param(impUid)
        .query(String.class)
        .single();
  }

  private static long cancelAmountMinor(String impUid) {
    return server
        .jdbc()
        .sql("SELECT cancel_amount FROM payments WHERE imp_uid = ?")
        .param(impUid)
        .query(Long.class)
        .single();
  }

  private static String paymentPath(String merchant, String impUid) {
    return "/console/payment?merchant=" + enc(merchant) + "&imp_uid=" + enc(impUid);
  }

  private static String cancelPath(String merchant, String impUid, String amount) {
    return "/console/payment/cancel?merchant="
        + enc(merchant)
        + "&imp_uid="
        + enc(impUid)
        + "&amount="
        + enc(amount)
        + "&reason=test";
  }

  /** The confirmation form's hidden fields (CSRF token, ids, amount, checksum…). */
  private static Map<String, String> hiddenFields(String page) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(page);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    assertThat(fields).containsKeys("_csrf", "merchant");
    return fields;
  }

  /** Posts the confirmation and answers the payment page it redirects to (with its flash). */
  private static HttpResponse<String> post(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer =
        send(
            get("/console/payment/cancel")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    return send(get(answer.headers().firstValue("Location").orElseThrow()));
  }

  private static String flash(HttpResponse<String> page) {
    Matcher m = Pattern.compile("class=\"(?:notice|error)\"[^>]*>([^<]*)<").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  private static String logIn() {
    HttpResponse<String> page = send(get("/console/login"));
    String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> in =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login"))
                .header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + ConsoleBrowserTest.OPERATOR
                            + "&password="
                            + enc(ConsoleBrowserTest.PASSWORD)
                            + "&_csrf="
                            + csrf.group(1))));
    assertThat(in.statusCode()).isEqualTo(302);
    String loggedIn = in.headers().firstValue("Set-Cookie").orElseThrow();
    return loggedIn.substring(0, loggedIn.indexOf(';'));
  }

  private static HttpRequest.Builder get(String path) {
    String url = path.startsWith("http") ? path : server.baseUrl() + path;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    return cookie == null ? b : b.header("Cookie", cookie);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
