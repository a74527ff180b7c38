package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's guards at the HTTP level: login required, CSRF on every POST, the session cookie's
 * attributes, login throttling, no open redirect, and the API untouched by any of it.
 */
class ConsoleHttpTest {

  private static TestServer server;

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
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder get(String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    return cookie == null ? b : b.header("Cookie", cookie);
  }

  private static HttpRequest.Builder post(String path, String cookie, String form) {
    return get(path, cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  private record Session(String cookie, String csrf) {}

  /** Opens the login page: a session cookie and the form's CSRF token. */
  private static Session loginPage() {
    HttpResponse<String> page = send(get("/console/login", null));
    assertThat(page.statusCode()).isEqualTo(200);
    String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    return new Session(setCookie.substring(0, setCookie.indexOf(';')), csrf.group(1));
  }

  @Test
  void everyPageNeedsALoginAndTheApiIsUntouched() {
    for (String path : new String[] {"/console", "/console/payments", "/console/audit"}) {
      HttpResponse<String> answer = send(get(path, null));
      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }
    HttpResponse<String> api = send(get("/payments/imp_x", null));
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).contains("\"code\"");
    assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndOnlyForTheConsole() {
    String setCookie =
        send(get("/console/login", null)).headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(ConsoleWebConfig.SESSION_COOKIE + "=")
        .contains("Path=/console")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
  }

  @Test
  void aPostWithoutTheSessionsCsrfTokenIsRefused() {
    Session session = loginPage();
    String credentials =
        "username=" + ConsoleBrowserTest.OPERATOR + "&password=correct+horse+battery+staple";
    assertThat(send(post("/console/login", session.cookie(), credentials)).statusCode())
        .isEqualTo(403);
    assertThat(
            send(post("/console/login", session.cookie(), credentials + "&_csrf=0123abcd"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> in =
        send(post("/console/login", session.cookie(), credentials + "&_csrf=" + session.csrf()));
    assertThat(in.statusCode()).isEqualTo(302);
    // a new session id after login: the one known before it is worth nothing
    String loggedIn = in.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = loggedIn.substring(0, loggedIn.indexOf(';'));
    assertThat(cookie).isNotEqualTo(session.cookie());
    assertThat(send(get("/console/audit", session.cookie())).statusCode()).isEqualTo(302);
    assertThat(send(get("/console/audit", cookie)).statusCode()).isEqualTo(200);
    // logged in, an action without the token is still refused
    assertThat(
            send(post("/console/schedules/revoke", cookie, "merchant=m&merchant_uid=u"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void repeatedWrongPasswordsAreThrottled() {
    Session session = loginPage();
    String form = "username=someone&password=wrong-password-here&_csrf=" + session.csrf();
    for (int i = 0; i < ConsoleLoginThrottle.MAX_FAILURES; i++) {
      assertThat(send(post("/console/login", session.cookie(), form)).statusCode()).isEqualTo(401);
    }
    assertThat(send(post("/console/login", session.cookie(), form)).statusCode()).isEqualTo(429);
    // the address may try again once the window has passed (and the other tests log in)
    server.clock().advance(ConsoleLoginThrottle.WINDOW.plusSeconds(1));
    assertThat(send(post("/console/login", session.cookie(), form)).statusCode()).isEqualTo(401);
    server.clock().advance(ConsoleLoginThrottle.WINDOW.plusSeconds(1));
  }

  @Test
  void badFiltersAnswerWithAPageNotAnError() {
    Session session = loginPage();
    HttpResponse<String> in =
        send(
            post(
                "/console/login",
                session.cookie(),
                "username="
                    + ConsoleBrowserTest.OPERATOR
                    + "&password=correct+horse+battery+staple&_csrf="
                    + session.csrf()));
    String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    for (String path :
        new String[] {
          "/console/schedules?from=yesterday",
          "/console/schedules?from=%2B999999999-12-31T23:59",
          "/console/schedules?status=whatever",
          "/console/payments?page=-1",
          "/console/payment?merchant=nobody&imp_uid=none",
          "/console/payment",
          "/console/payment/cancel?merchant=nobody&imp_uid=x&amount=abc"
        }) {
      HttpResponse<String> answer = send(get(path, cookie));
      assertThat(answer.statusCode()).as(path).isBetween(400, 404);
      assertThat(answer.body()).as(path).contains("<h1>").doesNotContain("Exception");
    }
  }

  @Test
  void replayOnlyGoesBackToAConsolePage() {
    assertThat(ConsoleWebhooksController.safeBack("/console/payment?imp_uid=x"))
        .isEqualTo("/console/payment?imp_uid=x");
    assertThat(ConsoleWebhooksController.safeBack("https://evil.example/"))
        .isEqualTo("/console/webhooks");
    assertThat(ConsoleWebhooksController.safeBack("/console//evil.example"))
        .isEqualTo("/console/webhooks");
    assertThat(ConsoleWebhooksController.safeBack(null)).isEqualTo("/console/webhooks");
  }

  @Test
  void theConfiguredOperatorIsCreatedAndNoSandboxAdminBesideIt() {
    assertThat(server.jdbc().sql("SELECT username FROM operators").query(String.class).list())
        .containsExactly(ConsoleBrowserTest.OPERATOR);
    assertThat(
            server.jdbc().sql("SELECT password_hash FROM operators").query(String.class).single())
        .startsWith("$2")
        .doesNotContain(ConsoleBrowserTest.PASSWORD);
  }

  @Test
  void operatorPasswordsShorterThanTwelveCharactersAreRefused() {
    assertThatThrownBy(() -> Operators.requireValid("ops", "short"))
        .hasMessageContaining("at least 12");
    assertThatThrownBy(() -> Operators.requireValid("a b", "long enough password"))
        .hasMessageContaining("operator name");
  }
}
