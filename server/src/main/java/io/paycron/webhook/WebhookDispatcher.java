package io.paycron.webhook;

import io.paycron.PaycronProperties;
import io.paycron.common.PollingLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued events. Sends are asynchronous and bounded per endpoint, so a slow or silent
 * receiver (i'mport's own sample handler never answers) holds at most a few slots and never delays
 * other merchants or the events behind it. Every attempt is logged; failures are retried by {@link
 * RetryPolicy}; a node that dies mid-send leaves a lease that expires.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 100;
  private static final int RESPONSE_EXCERPT_BYTES = 1024;

  private final WebhookRepository webhooks;
  private final WebhookSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PaycronProperties.Webhook config;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  /** Deliveries this node holds: sending now, or waiting for a slot of their endpoint. */
  private final AtomicInteger held = new AtomicInteger();

  private volatile boolean running;
  private ExecutorService httpExecutor;
  private HttpClient http;
  private volatile PollingLoop loop;

  WebhookDispatcher(
      WebhookRepository webhooks,
      @Lazy WebhookSettings settings,
      TransactionTemplate transactions,
      Clock clock,
      PaycronProperties properties) {
    this.webhooks = webhooks;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    this.config = properties.webhook();
  }

  /** Asks the loop to look for work now (an event was just committed). */
  public void wake() {
    PollingLoop current = loop;
    if (current != null) {
      current.wake();
    }
  }

  /** Claims and sends what is due; returns how many deliveries it started. */
  public int dispatchOnce() {
    long now = clock.millis();
    webhooks.releaseExpiredLeases(now);
    int room = config.maxInFlight() - held.get();
    if (room <= 0) {
      return 0;
    }
    // generous: a lease that ends while a send is still in flight only costs a duplicate
    long leaseUntil = now + Duration.ofSeconds(config.timeoutSeconds()).plusMinutes(10).toMillis();
    List<WebhookRepository.Claimed> claimed =
        transactions.execute(tx -> webhooks.claimDue(now, leaseUntil, Math.min(BATCH, room)));
    for (WebhookRepository.Claimed delivery : claimed) {
      held.incrementAndGet();
      endpoints
          .computeIfAbsent(delivery.url(), url -> new Endpoint(config.perEndpoint()))
          .offer(delivery);
    }
    return claimed.size();
  }

  /**
   * One receiver URL: at most {@code perEndpoint} sends in flight; the rest of what this node
   * claimed for it waits here (still leased) and goes out as soon as a slot frees.
   */
  private final class Endpoint {
    private final Semaphore slots;
    private final java.util.Queue<WebhookRepository.Claimed> waiting =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    Endpoint(int limit) {
      this.slots = new Semaphore(limit);
    }

    void offer(WebhookRepository.Claimed delivery) {
      waiting.add(delivery);
      drain();
    }

    void drain() {
      while (!waiting.isEmpty() && slots.tryAcquire()) {
        WebhookRepository.Claimed next = waiting.poll();
        if (next == null) {
          slots.release();
          return;
        }
        send(next, this);
      }
    }

    void done() {
      slots.release();
      drain();
    }
  }

  private void send(WebhookRepository.Claimed delivery, Endpoint endpoint) {
    URI uri = URI.create(delivery.url());
    long startedAt = clock.millis();
    long startedNanos = System.nanoTime();
    HttpRequest request;
    try {
      request = request(uri, delivery, startedAt);
    } catch (RuntimeException e) {
      finish(
          delivery, startedAt, 0, null, "cannot build request: " + e.getMessage(), null, endpoint);
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .whenComplete(
            (response, error) -> {
              long millis = (System.nanoTime() - startedNanos) / 1_000_000;
              if (error != null) {
                finish(delivery, startedAt, millis, null, describe(error), null, endpoint);
              } else {
                finish(
                    delivery,
                    startedAt,
                    millis,
                    response.statusCode(),
                    null,
                    excerpt(response.body()),
                    endpoint);
              }
            });
  }

  private HttpRequest request(URI uri, WebhookRepository.Claimed delivery, long nowMillis) {
    long timestamp = nowMillis / 1000;
    List<String> secrets = settings.secretsFor(delivery.merchantId());
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(config.timeoutSeconds()))
        .header("Content-Type", "application/json")
        .header("User-Agent", "Paycron-Webhooks/1")
        .header("webhook-id", delivery.eventId())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header(
            "webhook-signature",
            WebhookSigner.header(secrets, delivery.eventId(), timestamp, delivery.payload()))
        .header("Paycron-Event-Type", delivery.type())
        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
        .build();
  }

  private void finish(
      WebhookRepository.Claimed delivery,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody,
      Endpoint endpoint) {
    boolean ok = statusCode != null && statusCode >= 200 && statusCode < 300;
    try {
      Integer attempt =
          transactions.execute(
              tx -> {
                long now = clock.millis();
                int number = webhooks.nextAttemptNumber(delivery.merchantId(), delivery.eventId());
                Duration retryIn =
                    ok
                        ? null
                        : RetryPolicy.delayAfter(number, ThreadLocalRandom.current()::nextDouble);
                webhooks.insertAttempt(
                    delivery.merchantId(),
                    new WebhookRepository.Attempt(
                        delivery.eventId(),
                        number,
                        startedAt,
                        durationMs,
                        statusCode,
                        error,
                        responseBody));
                DeliveryStatus status =
                    ok
                        ? DeliveryStatus.DELIVERED
                        : retryIn == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
                long next = retryIn == null ? now : now + retryIn.toMillis();
                webhooks.finishAttempt(
                    delivery.merchantId(), delivery.eventId(), number, status, next, now);
                return number;
              });
      log.info(
          "webhook {}: merchant={} event={} type={} attempt={} status={}{}",
          ok ? "delivered" : "not delivered",
          delivery.merchantId(),
          delivery.eventId(),
          delivery.type(),
          attempt,
          statusCode,
          error == null ? "" : " error=" + error);
    } catch (RuntimeException e) {
      // the lease expires and the delivery is tried again: at-least-once, never lost
      log.warn(
          "could not record webhook attempt for event {}: {}", delivery.eventId(), e.toString());
    } finally {
      held.decrementAndGet();
      endpoint.done();
      wake();
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String excerpt(InputStream body) {
    try (body) {
      byte[] bytes = body.readNBytes(RESPONSE_EXCERPT_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public synchronized void start() {
    httpExecutor =
        Executors.newFixedThreadPool(8, PollingLoop.daemonThreads("paycron-webhook-http"));
    http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(config.connectTimeoutSeconds()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpExecutor)
            .build();
    running = true;
    if (config.enabled()) {
      loop =
          new PollingLoop(
              "paycron-webhook-dispatcher", config.pollIntervalMs(), this::dispatchOnce);
      loop.start();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    wake();
    // what waited for a slot goes back to the queue now rather than when its lease ends
    long now = clock.millis();
    for (Endpoint endpoint : endpoints.values()) {
      for (WebhookRepository.Claimed waiting; (waiting = endpoint.waiting.poll()) != null; ) {
        try {
          webhooks.unclaim(waiting.merchantId(), waiting.eventId(), now, now);
        } catch (RuntimeException e) {
          log.debug("could not hand back event {}: its lease will expire", waiting.eventId());
        }
      }
    }
    if (loop != null) {
      loop.stop(1_000);
      loop = null;
    }
    if (httpExecutor != null) {
      httpExecutor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
