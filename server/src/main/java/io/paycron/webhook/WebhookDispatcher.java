package io.paycron.webhook;

import io.paycron.PaycronProperties;
import io.paycron.RuntimeMode;
import io.paycron.clock.ScopedClock;
import io.paycron.common.PollingLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
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

  private final WebhookRepository webhooks;
  private final DeliveryResults deliveryResults;
  private final WebhookEndpointRepository endpointRepository;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PaycronProperties.Webhook config;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  private final SigningSecrets signingSecrets;

  /**
   * Deliveries this node holds (sending now, or waiting for a slot of their endpoint), with the end
   * of their lease. Leases are short and renewed while held, so the deliveries of a node that dies
   * go back to the queue within a lease, never after minutes.
   */
  private final Map<WebhookRepository.Key, Long> held = new ConcurrentHashMap<>();

  /** Room promised to deliveries being written held by this node (see {@link #reserve}). */
  private final java.util.concurrent.atomic.AtomicInteger reserved =
      new java.util.concurrent.atomic.AtomicInteger();

  private final java.util.Queue<Result> results =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private volatile boolean running;
  private WebhookSender sender;
  private final RuntimeMode mode;
  private volatile PollingLoop loop;
  private final WebhookMetrics metrics;

  WebhookDispatcher(
      WebhookRepository webhooks,
      DeliveryResults deliveryResults,
      WebhookEndpointRepository endpointRepository,
      @Lazy WebhookSettings settings,
      TransactionTemplate transactions,
      Clock clock,
      PaycronProperties properties,
      RuntimeMode mode,
      WebhookMetrics metrics) {
    this.metrics = metrics;
    this.mode = mode;
    this.webhooks = webhooks;
    this.deliveryResults = deliveryResults;
    this.endpointRepository = endpointRepository;
    this.signingSecrets = new SigningSecrets(settings);
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

  /** Room this node set aside for deliveries it is about to write already held. */
  record Reservation(int count, Long leaseUntil) {
    boolean granted() {
      return leaseUntil != null;
    }
  }

  /**
   * Sets aside room for {@code count} deliveries this node will send itself right after they
   * commit; refused (no lease) when the node is not dispatching or has no room, and then they are
   * queued for any node to claim.
   */
  Reservation reserve(int count) {
    if (!running || !config.enabled() || count == 0) {
      return new Reservation(0, null);
    }
    if (reserved.addAndGet(count) + held.size() > config.maxHeld()) {
      reserved.addAndGet(-count);
      return new Reservation(0, null);
    }
    // wall time even when a test clock's work emits: other nodes compare leases with the wall
    return new Reservation(count, ScopedClock.wallMillis(clock) + lease().toMillis());
  }

  /** Gives back a reservation that was not used (its transaction rolled back). */
  void cancel(Reservation reservation) {
    reserved.addAndGet(-reservation.count());
  }

  /** Sends deliveries written already held by this node under {@code reservation}. */
  void send(List<WebhookRepository.Claimed> deliveries, Reservation reservation) {
    hold(deliveries, reservation.leaseUntil());
    reserved.addAndGet(-reservation.count());
  }

  /**
   * Holds deliveries under a lease until {@code leaseUntil} and queues each behind its endpoint.
   */
  private void hold(List<WebhookRepository.Claimed> deliveries, long leaseUntil) {
    for (WebhookRepository.Claimed delivery : deliveries) {
      held.put(key(delivery), leaseUntil);
    }
    for (WebhookRepository.Claimed delivery : deliveries) {
      endpoints
          .computeIfAbsent(delivery.url(), url -> new Endpoint(config.perEndpoint()))
          .offer(delivery);
    }
  }

  /** Records finished sends, then claims and sends what is due; returns how much it did. */
  public int dispatchOnce() {
    int recorded = recordResults();
    long now = clock.millis();
    renewHeldLeases(now); // first: this node never releases what it still holds
    webhooks.releaseExpiredLeases(now);
    int room = config.maxHeld() - held.size() - reserved.get();
    if (room <= 0) {
      return recorded;
    }
    long leaseUntil = now + lease().toMillis();
    List<WebhookRepository.Claimed> claimed =
        transactions.execute(tx -> webhooks.claimDue(now, leaseUntil, Math.min(BATCH, room)));
    hold(claimed, leaseUntil);
    return recorded + claimed.size();
  }

  /** Long enough for one send (the receiver timeout) plus a margin for recording its result. */
  private Duration lease() {
    return Duration.ofSeconds(config.timeoutSeconds() + 30);
  }

  /** Extends the leases of held deliveries that would end within the next 15 seconds. */
  private void renewHeldLeases(long now) {
    long soon = now + 15_000;
    long renewed = now + lease().toMillis();
    // held first, then the database: a send finishing in between reports the renewed lease (or,
    // finished before, is not renewed in the database), so its result still matches its row
    List<WebhookRepository.Key> ending =
        held.entrySet().stream()
            .filter(e -> e.getValue() < soon)
            .map(Map.Entry::getKey)
            .filter(key -> held.replace(key, renewed) != null)
            .toList();
    if (!ending.isEmpty()) {
      webhooks.renewLeases(ending, renewed);
    }
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
    long startedAt = clock.millis();
    List<String> secrets;
    try {
      secrets = signingSecrets.at(delivery.merchantId(), startedAt);
    } catch (RuntimeException e) {
      finish(delivery, startedAt, 0, null, "cannot sign: " + e.getMessage(), null, endpoint);
      return;
    }
    sender.send(
        delivery,
        secrets,
        startedAt,
        answer ->
            finish(
                delivery,
                startedAt,
                answer.durationMs(),
                answer.statusCode(),
                answer.error(),
                answer.responseBody(),
                endpoint));
  }

  /** What one send came back with, waiting to be written to the delivery log. */
  private record Result(
      WebhookRepository.Claimed delivery,
      long heldUntil,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody) {

    boolean ok() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  /**
   * Frees the endpoint's slot at once and queues the result; the loop writes results in batches
   * (one transaction per batch). If the node dies first, the lease expires and the event is sent
   * again: at-least-once, never lost.
   */
  private void finish(
      WebhookRepository.Claimed delivery,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody,
      Endpoint endpoint) {
    Long heldUntil = held.remove(key(delivery));
    results.add(
        new Result(
            delivery,
            heldUntil == null ? Long.MAX_VALUE : heldUntil,
            startedAt,
            durationMs,
            statusCode,
            error,
            responseBody));
    metrics.attempt(statusCode, error);
    endpoint.done();
    wake();
  }

  private static WebhookRepository.Key key(WebhookRepository.Claimed delivery) {
    return new WebhookRepository.Key(
        delivery.merchantId(), delivery.eventId(), delivery.endpointId());
  }

  /** Writes queued results to the delivery log; returns how many. */
  int recordResults() {
    List<Result> batch = new ArrayList<>();
    for (Result next; batch.size() < 1000 && (next = results.poll()) != null; ) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return 0;
    }
    List<DeliveryResults.Finished> finished = new ArrayList<>();
    long now = clock.millis();
    for (Result r : batch) {
      int attempt = r.delivery().attempts() + 1;
      Duration retryIn =
          r.ok() ? null : RetryPolicy.delayAfter(attempt, ThreadLocalRandom.current()::nextDouble);
      DeliveryStatus status =
          r.ok()
              ? DeliveryStatus.DELIVERED
              : retryIn == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      finished.add(
          new DeliveryResults.Finished(
              r.delivery().merchantId(),
              new WebhookRepository.Attempt(
                  r.delivery().eventId(),
                  r.delivery().endpointId(),
                  attempt,
                  r.startedAt(),
                  r.durationMs(),
                  r.statusCode(),
                  r.error(),
                  r.responseBody()),
              status,
              retryIn == null ? now : now + retryIn.toMillis(),
              r.heldUntil()));
    }
    try {
      List<WebhookEndpointRepository.Health> health = EndpointHealth.of(finished);
      transactions.executeWithoutResult(
          tx -> {
            deliveryResults.finishAll(finished, now);
            endpointRepository.recordHealth(health, now);
          });
    } catch (RuntimeException e) {
      // Kept for the next pass: the database is usually back within moments (a cut connection, a
      // restart). These results used to be dropped, so each event stayed "delivering" until its
      // lease ended (30 s and more) and was then sent to the merchant a second time.
      results.addAll(batch);
      log.warn(
          "could not record {} webhook attempt(s); will try again: {}", batch.size(), e.toString());
      return 0; // wait a poll interval rather than spin while the database is away
    }
    DeliveryResults.log(log, finished);
    return batch.size();
  }

  @Override
  public synchronized void start() {
    sender = new WebhookSender(config, !mode.isSandbox());
    running = true;
    if (config.enabled()) {
      loop =
          new PollingLoop(
              "paycron-webhook-dispatcher", config.pollIntervalMs(), this::dispatchOnce);
      loop.start();
    }
  }

  /** Signs with a rotated secret at once on this node. */
  void forgetSecrets(String merchantId) {
    signingSecrets.forget(merchantId);
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
          webhooks.unclaim(key(waiting), now, now);
        } catch (RuntimeException e) {
          log.debug("could not hand back event {}: its lease will expire", waiting.eventId());
        }
      }
    }
    if (loop != null) {
      loop.stop(1_000);
      loop = null;
    }
    if (sender != null) {
      sender.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
