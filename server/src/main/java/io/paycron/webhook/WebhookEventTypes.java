package io.paycron.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint may subscribe to. A subscription lists exact types, {@code group.*}
 * (every type of a group) or {@code *} (everything, also types added later); an empty list means
 * everything.
 */
public final class WebhookEventTypes {

  public static final String ALL = "*";
  public static final String ENDPOINT_DISABLED = "webhook_endpoint.disabled";
  public static final String SCHEDULE_LATE = "schedule.late";

  /** Every type Paycron emits (API.md §6, docs/webhooks.md). */
  public static final List<String> KNOWN =
      List.of(
          "payment.paid",
          "payment.failed",
          "payment.cancelled",
          "schedule.executed",
          SCHEDULE_LATE,
          "subscription.created",
          "subscription.renewed",
          "subscription.recovered",
          "subscription.payment_failed",
          "subscription.updated",
          "subscription.paused",
          "subscription.resumed",
          "subscription.trialing",
          "subscription.active",
          "subscription.past_due",
          "subscription.canceled",
          "subscription.unpaid",
          ENDPOINT_DISABLED);

  private static final int MAX_TYPES = 50;

  private WebhookEventTypes() {}

  /**
   * The subscription as stored: distinct, in the given order; {@code [*]} when empty or when it
   * contains {@code *}.
   *
   * @throws IllegalArgumentException naming the first unknown type
   */
  public static List<String> normalize(List<String> requested) {
    if (requested.size() > MAX_TYPES) {
      throw new IllegalArgumentException("at most " + MAX_TYPES + " event types");
    }
    Set<String> types = new LinkedHashSet<>();
    for (String raw : requested) {
      String type = raw.trim();
      if (!isKnown(type)) {
        throw new IllegalArgumentException(
            "unknown event type '"
                + (type.length() > 64 ? type.substring(0, 64) + "…" : type)
                + "'; known: * , group.* or one of "
                + String.join(", ", KNOWN));
      }
      types.add(type);
    }
    if (types.isEmpty() || types.contains(ALL)) {
      return List.of(ALL);
    }
    return new ArrayList<>(types);
  }

  private static boolean isKnown(String type) {
    if (type.equals(ALL) || KNOWN.contains(type)) {
      return true;
    }
    if (type.endsWith(".*")) {
      String group = type.substring(0, type.length() - 1); // keeps the dot
      return KNOWN.stream().anyMatch(known -> known.startsWith(group));
    }
    return false;
  }

  /** Whether a subscription ({@link #normalize normalized}) covers {@code type}. */
  public static boolean matches(List<String> subscribed, String type) {
    for (String s : subscribed) {
      if (s.equals(ALL)
          || s.equals(type)
          || (s.endsWith(".*") && type.startsWith(s.substring(0, s.length() - 1)))) {
        return true;
      }
    }
    return subscribed.isEmpty();
  }
}
