package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventTypesTest {

  @Test
  void anEmptyListOrOneWithAStarMeansEverything() {
    assertThat(WebhookEventTypes.normalize(List.of())).containsExactly("*");
    assertThat(WebhookEventTypes.normalize(List.of("payment.paid", "*"))).containsExactly("*");
    assertThat(WebhookEventTypes.matches(List.of("*"), "webhook_endpoint.disabled")).isTrue();
  }

  @Test
  void groupsMatchTheirTypesOnly() {
    List<String> types = WebhookEventTypes.normalize(List.of("payment.*", "schedule.late"));
    assertThat(WebhookEventTypes.matches(types, "payment.cancelled")).isTrue();
    assertThat(WebhookEventTypes.matches(types, "schedule.late")).isTrue();
    assertThat(WebhookEventTypes.matches(types, "schedule.executed")).isFalse();
    assertThat(WebhookEventTypes.matches(types, "paymentx.paid")).isFalse();
  }

  @Test
  void duplicatesAreDroppedAndUnknownTypesRefusedByName() {
    assertThat(WebhookEventTypes.normalize(List.of("payment.paid", " payment.paid")))
        .containsExactly("payment.paid");
    assertThatThrownBy(() -> WebhookEventTypes.normalize(List.of("payment.refunded")))
        .hasMessageContaining("payment.refunded");
    assertThatThrownBy(() -> WebhookEventTypes.normalize(List.of("nothing.*")))
        .hasMessageContaining("nothing.*");
    assertThatThrownBy(() -> WebhookEventTypes.normalize(List.of("payment.")))
        .hasMessageContaining("payment.");
  }

  @Test
  void everyTypePaycronEmitsIsKnown() {
    for (String type :
        List.of(
            "payment.paid",
            "payment.failed",
            "payment.cancelled",
            "schedule.executed",
            "subscription.created",
            "subscription.canceled",
            "webhook_endpoint.disabled",
            "schedule.late")) {
      assertThat(WebhookEventTypes.normalize(List.of(type))).containsExactly(type);
    }
  }
}
