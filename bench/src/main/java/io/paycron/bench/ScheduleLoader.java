package io.paycron.bench;

import io.paycron.merchant.SandboxMerchant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads schedules the way a merchant would: through the real i'mport V1 API over HTTP, 1,000 per
 * call (the API's limit), from several concurrent clients spread over the nodes. Each customer's
 * billing key (test card 4242…) carries one call's worth of schedules.
 */
final class ScheduleLoader {

  static final int PER_CALL = 1000;
  static final int CLIENTS = 4;

  private final List<String> baseUrls;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String token;

  ScheduleLoader(List<String> baseUrls) {
    this.baseUrls = baseUrls;
    this.token = login();
  }

  static String customerUid(int call) {
    return "bench_customer_" + call;
  }

  /** Registers one billing key per call of {@code schedules}; not part of the ingest time. */
  void registerBillingKeys(int schedules) {
    int customers = (schedules + PER_CALL - 1) / PER_CALL;
    String card =
        """
        {"card_number":"4242-4242-4242-4242","expiry":"2031-12","birth":"880412",\
        "pwd_2digit":"12","customer_name":"Bench Customer"}""";
    runConcurrently(
        customers, call -> post(call, "/subscribe/customers/" + customerUid(call), card));
  }

  /**
   * Schedules {@code [0, count)} as {@code <prefix><i>}, all at {@code dueSecond}; returns the wall
   * time in nanoseconds.
   */
  long ingest(String prefix, int count, long dueSecond, AtomicLong ingested) {
    return ingest(prefix, count, i -> dueSecond, ingested);
  }

  /**
   * Schedules {@code [0, count)} as {@code <prefix><i>}, schedule {@code i} at {@code
   * dueSecond.applyAsLong(i)} (epoch seconds, as the API takes them); returns the wall time in
   * nanoseconds.
   */
  long ingest(String prefix, int count, IntToLongFunction dueSecond, AtomicLong ingested) {
    int calls = (count + PER_CALL - 1) / PER_CALL;
    long started = System.nanoTime();
    runConcurrently(
        calls,
        call -> {
          int from = call * PER_CALL;
          int to = Math.min(count, from + PER_CALL);
          post(call, "/subscribe/payments/schedule", body(prefix, call, from, to, dueSecond));
          ingested.addAndGet(to - from);
        });
    return System.nanoTime() - started;
  }

  private static String body(
      String prefix, int call, int from, int to, IntToLongFunction dueSecond) {
    StringBuilder body = new StringBuilder(80 * (to - from) + 64);
    body.append("{\"customer_uid\":\"").append(customerUid(call)).append("\",\"schedules\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.append(',');
      }
      body.append("{\"merchant_uid\":\"")
          .append(prefix)
          .append(i)
          .append("\",\"schedule_at\":")
          .append(dueSecond.applyAsLong(i))
          .append(",\"amount\":1000,\"name\":\"bench plan\"}");
    }
    return body.append("]}").toString();
  }

  private interface Call {
    void run(int index) throws IOException, InterruptedException;
  }

  private void runConcurrently(int calls, Call call) {
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        workers.add(
            clients.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < calls; ) {
                    call.run(i);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      next.set(calls); // the other clients stop at their next call
      throw new IllegalStateException("loading failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading", e);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Calls node {@code index % nodes}; an answer other than code 0 stops the run. */
  private void post(int index, String path, String body) throws IOException, InterruptedException {
    String base = baseUrls.get(index % baseUrls.size());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Authorization", token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode answer = json.readTree(response.body());
    if (response.statusCode() != 200 || answer.path("code").asInt(-1) != 0) {
      throw new IllegalStateException(
          "POST " + path + " answered " + response.statusCode() + ": " + abbreviate(answer));
    }
  }

  private String login() {
    String body =
        "{\"imp_key\":\""
            + SandboxMerchant.IMP_KEY
            + "\",\"imp_secret\":\""
            + SandboxMerchant.IMP_SECRET
            + "\"}";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrls.get(0) + "/users/getToken"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body()).path("response").path("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot get a token: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String abbreviate(JsonNode answer) {
    String text = answer.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
