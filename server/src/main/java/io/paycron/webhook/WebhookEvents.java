package io.paycron.webhook;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads events with their delivery log, and replays them. */
@Service
class WebhookEvents {

  static final String NOT_FOUND = "존재하지 않는 이벤트입니다.";

  private final WebhookRepository webhooks;
  private final WebhookDeliveryLog log;
  private final WebhookDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WebhookEvents(
      WebhookRepository webhooks,
      WebhookDeliveryLog log,
      WebhookDispatcher dispatcher,
      TransactionTemplate transactions,
      Clock clock) {
    this.webhooks = webhooks;
    this.log = log;
    this.dispatcher = dispatcher;
    this.transactions = transactions;
    this.clock = clock;
  }

  record AttemptView(
      String endpointId,
      int attempt,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody) {}

  /** One target of an event: an endpoint, or the legacy target (endpoint_id ""). */
  record DeliveryView(
      String endpointId, String url, String status, int attempts, long deliveredAt) {}

  /**
   * An event; {@code status}, {@code url} and {@code delivered_at} are those of its legacy target
   * (as before endpoints existed), else of its first endpoint's delivery.
   */
  record EventView(
      String eventId,
      String type,
      String objectId,
      long objectVersion,
      long createdAt,
      String payload,
      String status,
      String url,
      long deliveredAt,
      List<DeliveryView> deliveries,
      List<AttemptView> attempts) {}

  List<EventView> forObject(Merchant merchant, String objectId) {
    List<WebhookRepository.Event> events = log.findEventsOf(merchant.id(), objectId);
    Map<String, List<WebhookRepository.Attempt>> attempts =
        log
            .findAttempts(
                merchant.id(), events.stream().map(WebhookRepository.Event::eventId).toList())
            .stream()
            .collect(Collectors.groupingBy(WebhookRepository.Attempt::eventId));
    return events.stream()
        .map(e -> view(e, attempts.getOrDefault(e.eventId(), List.of())))
        .toList();
  }

  EventView replay(Merchant merchant, String eventId) {
    WebhookRepository.Event event =
        log.findEvent(merchant.id(), eventId)
            .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
    transactions.executeWithoutResult(
        tx -> {
          long now = clock.millis();
          if (webhooks.findDeliveries(merchant.id(), eventId).isEmpty()) {
            String url =
                webhooks
                    .merchantWebhookUrl(merchant.id())
                    .orElseThrow(
                        () ->
                            new ApiException.Refused(
                                1, "웹훅 URL이 설정되어 있지 않습니다: PUT /paycron/v1/webhook 으로 먼저 설정하세요."));
            webhooks.insertDelivery(merchant.id(), eventId, url, now);
          } else if (webhooks.requeue(merchant.id(), eventId, now) == 0) {
            throw new ApiException.Refused(
                1,
                "이벤트("
                    + eventId
                    + ")를 지금 전송 중이거나 그 엔드포인트가 비활성화되어 있습니다. 잠시 후 다시 시도하거나 엔드포인트를 활성화하세요.");
          }
        });
    dispatcher.wake();
    return view(event, log.findAttempts(merchant.id(), List.of(eventId)));
  }

  private EventView view(WebhookRepository.Event event, List<WebhookRepository.Attempt> attempts) {
    List<WebhookRepository.Delivery> deliveries =
        webhooks.findDeliveries(event.merchantId(), event.eventId());
    Optional<WebhookRepository.Delivery> delivery = deliveries.stream().findFirst();
    return new EventView(
        event.eventId(),
        event.type(),
        event.objectId(),
        event.objectVersion(),
        event.createdAt() / 1000,
        event.payload(),
        delivery.map(d -> d.status().wire()).orElse("no_url"),
        delivery.map(WebhookRepository.Delivery::url).orElse(null),
        delivery.map(d -> d.deliveredAt() / 1000).orElse(0L),
        deliveries.stream()
            .map(
                d ->
                    new DeliveryView(
                        d.endpointId(),
                        d.url(),
                        d.status().wire(),
                        d.attempts(),
                        d.deliveredAt() / 1000))
            .toList(),
        attempts.stream()
            .map(
                a ->
                    new AttemptView(
                        a.endpointId(),
                        a.attempt(),
                        a.startedAt() / 1000,
                        a.durationMs(),
                        a.statusCode(),
                        a.error(),
                        a.responseBody()))
            .toList());
  }
}
