package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login throttling under concurrency, behind a proxy (the address is the one X-Forwarded-For names,
 * as {@code server.forward-headers-strategy=native} makes it): a burst of wrong passwords gets at
 * most {@link ConsoleLoginThrottle#MAX_FAILURES} tries, and does not lock the operator out of
 * another address.
 */
class ConsoleLoginThrottleTest {

  private static final String ATTACKER = "203.0.113.7";
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
                ConsoleBrowserTest.PASSWORD,
                "server.forward-headers-strategy",
                "native"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void concurrentWrongPasswordsGetAtMostTheAllowedTriesAndOthersStillLogIn() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String[] session = loginPage(client);
    String wrong =
        "username="
            + ConsoleBrowserTest.OPERATOR
            + "&password=wrong-password-here&_csrf="
            + session[1];
    List<CompletableFuture<HttpResponse<String>>> burst =
        IntStream.range(0, 30)
            .mapToObj(i -> client.sendAsync(login(session[0], ATTACKER, wrong), ofString()))
            .toList();
    List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count())
        .isLessThanOrEqualTo(ConsoleLoginThrottle.MAX_FAILURES);
    assertThat(client.send(login(session[0], ATTACKER, wrong), ofString()).statusCode())
        .isEqualTo(429);

    String[] other = loginPage(client);
    String right =
        "username="
            + ConsoleBrowserTest.OPERATOR
            + "&password="
            + URLEncoder.encode(ConsoleBrowserTest.PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + other[1];
    assertThat(client.send(login(other[0], "198.51.100.9", right), ofString()).statusCode())
        .isEqualTo(302);
    assertThat(
            server
                .jdbc()
                .sql("SELECT detail FROM audit_log WHERE action = 'login'")
                .query(String.class)
                .list())
        .contains("198.51.100.9");
  }

  @Test
  void failedLoginsRecordOnlyNamesOfExistingOperators() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String[] session = loginPage(client);
    for (String name :
        new String[] {
          "alice\r\n2026-12-03 INFO forged line", "correct horse battery staple", "nobody"
        }) {
      String form =
          "username="
              + URLEncoder.encode(name, StandardCharsets.UTF_8)
              + "&password=wrong-password-here&_csrf="
              + session[1];
      assertThat(client.send(login(session[0], "192.0.2.44", form), ofString()).statusCode())
          .isEqualTo(401);
    }
    String form =
        "username="
            + ConsoleBrowserTest.OPERATOR
            + "&password=wrong-password-here&_csrf="
            + session[1];
    assertThat(client.send(login(session[0], "192.0.2.44", form), ofString()).statusCode())
        .isEqualTo(401);
    assertThat(
            server
                .jdbc()
                .sql("SELECT operator FROM audit_log WHERE action = 'login_failed' AND detail = ?")
                .param("192.0.2.44")
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(
            "(invalid name)", "(invalid name)", "(invalid name)", ConsoleBrowserTest.OPERATOR);
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static HttpRequest login(String cookie, String address, String form) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login"))
        .header("Cookie", cookie)
        .header("X-Forwarded-For", address)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /** A session cookie and its CSRF token. */
  private static String[] loginPage(HttpClient client) throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login")).build(),
            ofString());
    String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    return new String[] {setCookie.substring(0, setCookie.indexOf(';')), csrf.group(1)};
  }
}
