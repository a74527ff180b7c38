package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a finished send is labelled in {@code paycron_webhook_attempts_total}. */
class WebhookMetricsTest {

  @Test
  void anAnswerIsDeliveredOnlyWhen2xxAndFailedOtherwise() {
    assertThat(WebhookMetrics.outcomeOf(200, null)).isEqualTo("delivered");
    assertThat(WebhookMetrics.outcomeOf(204, null)).isEqualTo("delivered");
    assertThat(WebhookMetrics.outcomeOf(302, null)).isEqualTo("failed");
    assertThat(WebhookMetrics.outcomeOf(500, null)).isEqualTo("failed");
  }

  @Test
  void noAnswerIsATimeoutOrAnError() {
    assertThat(WebhookMetrics.outcomeOf(null, "SocketTimeoutException: Read timed out"))
        .isEqualTo("timeout");
    assertThat(WebhookMetrics.outcomeOf(null, "ConnectTimeoutException: Connect to x failed"))
        .isEqualTo("timeout");
    assertThat(WebhookMetrics.outcomeOf(null, "HttpHostConnectException: Connection refused"))
        .isEqualTo("error");
    assertThat(WebhookMetrics.outcomeOf(null, "cannot sign: no secret")).isEqualTo("error");
    assertThat(WebhookMetrics.outcomeOf(null, null)).isEqualTo("error");
  }
}
