package io.paycron.webhook;

import io.paycron.common.Secrets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private final Clock clock;
  private final WebhookDispatcher dispatcher;
  private final JsonMapper json = JsonMapper.builder().build();

  Outbox(WebhookRepository webhooks, Clock clock, WebhookDispatcher dispatcher) {
    this.webhooks = webhooks;
    this.clock = clock;
    this.dispatcher = dispatcher;
  }

  /** Where an event goes: an explicit URL, else (when allowed) the merchant's webhook URL. */
  public record Target(String noticeUrl, boolean merchantDefault) {
    public static Target only(String noticeUrl) {
      return new Target(noticeUrl, false);
    }

    public static Target orMerchantDefault(String noticeUrl) {
      return new Target(noticeUrl, true);
    }
  }

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
    long now = clock.millis();
    String eventId = "msg_" + Secrets.randomHex(12);
    String payload = json.writeValueAsString(new LinkedHashMap<>(body));
    webhooks.insertEvent(
        new WebhookRepository.Event(
            merchantId, eventId, type, objectId, objectVersion, payload, now));
    String url = target.noticeUrl();
    if ((url == null || url.isBlank()) && target.merchantDefault()) {
      url = webhooks.merchantWebhookUrl(merchantId).orElse(null);
    }
    if (url != null && !url.isBlank()) {
      webhooks.insertDelivery(merchantId, eventId, url, now);
      wakeDispatcherAfterCommit();
    }
    return eventId;
  }

  private void wakeDispatcherAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              dispatcher.wake();
            }
          });
    } else {
      dispatcher.wake();
    }
  }
}
