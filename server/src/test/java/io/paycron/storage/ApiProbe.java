package io.paycron.storage;

import io.paycron.support.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant reading one of its objects over and over while the database misbehaves: what the API
 * answers then, counted by HTTP status and V1 code (e.g. {@code 200/0}, {@code 500/-1}).
 */
final class ApiProbe implements AutoCloseable {

  private final ApiClient api;
  private final String path;
  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "api-probe");
            thread.setDaemon(true);
            return thread;
          });

  private ApiProbe(ApiClient api, String path) {
    this.api = api;
    this.path = path;
  }

  static ApiProbe start(ApiClient api, String path, Duration every) {
    ApiProbe probe = new ApiProbe(api, path);
    probe.timer.scheduleWithFixedDelay(probe::ask, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  private void ask() {
    String answer;
    try {
      ApiClient.Answer reply = api.get(path);
      answer = reply.status() + "/" + reply.code();
    } catch (RuntimeException e) {
      answer = "no answer: " + e.getClass().getSimpleName(); // not a V1 envelope, or no response
    }
    answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
  }

  /** Answers by "HTTP status/V1 code", sorted. */
  Map<String, Integer> answers() {
    Map<String, Integer> counts = new TreeMap<>();
    answers.forEach((answer, count) -> counts.put(answer, count.get()));
    return counts;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
