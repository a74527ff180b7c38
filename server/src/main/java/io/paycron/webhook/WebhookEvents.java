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
  private final WebhookDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WebhookEvents(
      WebhookRepository webhooks,
      WebhookDispatcher dispatcher,
      TransactionTemplate transactions,
      Clock clock) {
    this.webhooks = webhooks;
    this.dispatcher = dispatcher;
    this.transactions = transactions;
    this.clock = clock;
  }

  record AttemptView(
      int attempt,
      long startedAt,
      long durationMs,
      Integer statusCode,
      String error,
      String responseBody) {}

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
      List<AttemptView> attempts) {}

  List<EventView> forObject(Merchant merchant, String objectId) {
    List<WebhookRepository.Event> events = webhooks.findEventsOf(merchant.id(), objectId);
    Map<String, List<WebhookRepository.Attempt>> attempts =
        webhooks
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
        webhooks
            .findEvent(merchant.id(), eventId)
            .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
    transactions.executeWithoutResult(
        tx -> {
          long now = clock.millis();
          if (webhooks.findDelivery(merchant.id(), eventId).isEmpty()) {
            String url =
                webhooks
                    .merchantWebhookUrl(merchant.id())
                    .orElseThrow(
                        () ->
                            new ApiException.Refused(
                                1, "웹훅 URL이 설정되어 있지 않습니다: PUT /paycron/v1/webhook 으로 먼저 설정하세요."));
            webhooks.insertDelivery(merchant.id(), eventId, url, now);
          } else if (!webhooks.requeue(merchant.id(), eventId, now)) {
            throw new ApiException.Refused(1, "이벤트(" + eventId + ")를 지금 전송 중입니다. 잠시 후 다시 시도하세요.");
          }
        });
    dispatcher.wake();
    return view(event, webhooks.findAttempts(merchant.id(), List.of(eventId)));
  }

  private EventView view(WebhookRepository.Event event, List<WebhookRepository.Attempt> attempts) {
    Optional<WebhookRepository.Delivery> delivery =
        webhooks.findDelivery(event.merchantId(), event.eventId());
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
        attempts.stream()
            .map(
                a ->
                    new AttemptView(
                        a.attempt(),
                        a.startedAt() / 1000,
                        a.durationMs(),
                        a.statusCode(),
                        a.error(),
                        a.responseBody()))
            .toList());
  }
}
