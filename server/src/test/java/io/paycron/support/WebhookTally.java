package io.paycron.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a merchant's receiver was told: every request counted, and per imp_uid how often it came and
 * the last status it carried. Duplicates are the at-least-once contract, so they are counted, not
 * refused.
 */
public final class WebhookTally {

  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, Integer> timesByImpUid = new ConcurrentHashMap<>();
  private final Map<String, String> statusByImpUid = new ConcurrentHashMap<>();

  /** Makes {@code receiver} answer {@code status} to every request and count it here. */
  public static WebhookTally answering(WebhookReceiver receiver, int status) {
    WebhookTally tally = new WebhookTally();
    receiver.answer(
        request -> {
          tally.count(request);
          return status;
        });
    return tally;
  }

  public void count(WebhookReceiver.Received request) {
    requests.incrementAndGet();
    JsonNode body = JsonMapper.shared().readTree(request.body());
    String impUid = body.get("imp_uid").asString();
    timesByImpUid.merge(impUid, 1, Integer::sum);
    statusByImpUid.put(impUid, body.get("status").asString());
  }

  public int requests() {
    return requests.get();
  }

  public int distinctImpUids() {
    return timesByImpUid.size();
  }

  public int duplicates() {
    return requests() - distinctImpUids();
  }

  /** imp_uid → the status its last webhook carried. */
  public Map<String, String> lastStatusByImpUid() {
    return Map.copyOf(statusByImpUid);
  }
}
