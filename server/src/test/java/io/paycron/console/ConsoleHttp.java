package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An operator's session with the console over plain HTTP: pages and CSRF-carrying form posts. */
final class ConsoleHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  private final TestServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String cookie;
  private String csrf;

  private ConsoleHttp(TestServer server) {
    this.server = server;
  }

  /** Creates the operator (unless it exists) and logs in. */
  static ConsoleHttp logIn(TestServer server, String operator, String password) {
    server.bean(Operators.class).create(operator, password);
    ConsoleHttp session = new ConsoleHttp(server);
    HttpResponse<String> page = session.send(session.request("/console/login"));
    session.remember(page);
    HttpResponse<String> in =
        session.post("/console/login", Map.of("username", operator, "password", password));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
    session.remember(in);
    session.remember(session.get("/console/audit"));
    return session;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery));
  }

  /** A form post with the session's CSRF token. */
  HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + csrf)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    return cookie == null ? b : b.header("Cookie", cookie);
  }

  private void remember(HttpResponse<String> answer) {
    answer
        .headers()
        .firstValue("Set-Cookie")
        .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
    Matcher m = CSRF.matcher(answer.body());
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
