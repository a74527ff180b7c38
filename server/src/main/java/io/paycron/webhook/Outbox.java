package io.paycron.webhook;

import io.paycron.clock.ScopedClock;
import io.paycron.common.Secrets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: features call {@link #emit} inside the transaction that changes the
 * state the event reports, so an event exists exactly when its change committed.
 */
@Service
public class Outbox {

  private final WebhookRepository webhooks;
  private final WebhookEndpointRepository endpoints;
  private final Clock clock;
  private final WebhookDispatcher dispatcher;
  private final JsonMapper json = JsonMapper.builder().build();

  Outbox(
      WebhookRepository webhooks,
      WebhookEndpointRepository endpoints,
      Clock clock,
      WebhookDispatcher dispatcher) {
    this.webhooks = webhooks;
    this.endpoints = endpoints;
    this.clock = clock;
    this.dispatcher = dispatcher;
  }

  /**
   * Where an event goes besides the merchant's endpoints that subscribe to its type: an explicit
   * URL, else (when allowed) the merchant's default webhook URL. This legacy target keeps the
   * i'mport V1 behaviour (notice_url replaces the default URL for that payment).
   */
  public record Target(String noticeUrl, boolean merchantDefault) {
    public static Target only(String noticeUrl) {
      return new Target(noticeUrl, false);
    }

    public static Target orMerchantDefault(String noticeUrl) {
      return new Target(noticeUrl, true);
    }
  }

  /** One event to record: where it comes from, its V1 body, and where it goes. */
  public record Emission(
      String merchantId,
      String type,
      String objectId,
      long objectVersion,
      Map<String, ?> body,
      Target target) {}

  /**
   * Records an event with the i'mport V1 body ({@code imp_uid}, {@code merchant_uid}, {@code
   * status}, …) and, when it has somewhere to go, queues its delivery.
   *
   * @return the event id ({@code webhook-id}, stable across retries)
   */
  public String emit(
      String merchantId,
      String type,
      String objectId,
      long objectVersion,
      Map<String, ?> body,
      Target target) {
    return emitAll(List.of(new Emission(merchantId, type, objectId, objectVersion, body, target)))
        .get(0);
  }

  /** Records many events (and their deliveries) in two round trips. */
  public List<String> emitAll(List<Emission> emissions) {
    if (emissions.isEmpty()) {
      return List.of();
    }
    long now = clock.millis(); // the event's time: a test clock's, for its customers
    long wallNow = ScopedClock.wallMillis(clock); // deliveries run in real time
    List<WebhookRepository.Event> events = new ArrayList<>();
    List<WebhookRepository.Delivery> deliveries = new ArrayList<>();
    List<WebhookRepository.Claimed> toSend = new ArrayList<>();
    Map<String, Optional<String>> merchantUrls = new HashMap<>();
    Map<String, List<WebhookEndpoint>> subscribed =
        endpoints.enabledOf(emissions.stream().map(Emission::merchantId).distinct().toList());
    for (Emission emission : emissions) {
      String eventId = "msg_" + Secrets.randomHex(12);
      String payload = json.writeValueAsString(new LinkedHashMap<>(emission.body()));
      events.add(
          new WebhookRepository.Event(
              emission.merchantId(),
              eventId,
              emission.type(),
              emission.objectId(),
              emission.objectVersion(),
              payload,
              now));
      String url = emission.target().noticeUrl();
      if ((url == null || url.isBlank()) && emission.target().merchantDefault()) {
        url =
            merchantUrls
                .computeIfAbsent(emission.merchantId(), webhooks::merchantWebhookUrl)
                .orElse(null);
      }
      if (url != null && !url.isBlank()) {
        deliveries.add(
            new WebhookRepository.Delivery(
                emission.merchantId(),
                eventId,
                WebhookRepository.LEGACY,
                url,
                DeliveryStatus.PENDING,
                0,
                wallNow,
                0));
        toSend.add(
            new WebhookRepository.Claimed(
                emission.merchantId(),
                eventId,
                WebhookRepository.LEGACY,
                url,
                0,
                emission.type(),
                payload,
                wallNow));
      }
      for (WebhookEndpoint endpoint : subscribed.getOrDefault(emission.merchantId(), List.of())) {
        // an endpoint at the legacy target's URL would receive the event twice
        if (endpoint.receives(emission.type()) && !endpoint.url().equals(url)) {
          deliveries.add(
              new WebhookRepository.Delivery(
                  emission.merchantId(),
                  eventId,
                  endpoint.endpointId(),
                  endpoint.url(),
                  DeliveryStatus.PENDING,
                  0,
                  wallNow,
                  0));
          toSend.add(
              new WebhookRepository.Claimed(
                  emission.merchantId(),
                  eventId,
                  endpoint.endpointId(),
                  endpoint.url(),
                  0,
                  emission.type(),
                  payload,
                  wallNow));
        }
      }
    }
    webhooks.insertEvents(events);
    if (deliveries.isEmpty()) {
      return eventIds(events);
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      webhooks.insertDeliveries(
          deliveries, wallNow, null); // committed already: any node claims them
      dispatcher.wake();
      return eventIds(events);
    }
    // This node sends what it just queued, if it has room: the deliveries are written already
    // held by it (with a lease), which spares claiming them again; otherwise they wait to be
    // claimed by any node. The reservation is handed back whatever happens to the transaction,
    // so it is registered before anything can fail.
    WebhookDispatcher.Reservation reservation = dispatcher.reserve(toSend.size());
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              dispatcher.cancel(reservation);
            } else if (reservation.granted()) {
              dispatcher.send(toSend, reservation);
            } else {
              dispatcher.wake();
            }
          }
        });
    webhooks.insertDeliveries(deliveries, wallNow, reservation.leaseUntil());
    return eventIds(events);
  }

  private static List<String> eventIds(List<WebhookRepository.Event> events) {
    return events.stream().map(WebhookRepository.Event::eventId).toList();
  }
}
