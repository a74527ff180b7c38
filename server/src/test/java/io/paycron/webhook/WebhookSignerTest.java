package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void matchesTheStandardWebhooksTestVectorOfTheApiContract() {
    String body =
        "{\"type\":\"Transaction.Paid\",\"timestamp\":\"2023-11-14T22:13:20Z\",\"data\":"
            + "{\"paymentId\":\"p1\",\"storeId\":\"store-1\",\"transactionId\":\"tx1\"}}";
    assertThat(
            WebhookSigner.sign(
                "whsec_cG9ydG9uZS10ZXN0LXdlYmhvb2stc2VjcmV0LTAwMDE=",
                "msg_test_0001",
                1700000000,
                body))
        .isEqualTo("v1,nueoqoTXPwRpLrKe5xOOMgWVZWGJlC+cKc9tOSFi6WI=");
  }

  @Test
  void signsWithEveryLiveSecretDuringARotation() {
    String header =
        WebhookSigner.header(
            List.of(
                "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"),
            "msg_1",
            1,
            "{}");
    assertThat(header.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
  }

  @Test
  void retriesForMoreThanThreeDaysWithJitterThenGivesUp() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; RetryPolicy.delayAfter(attempt, () -> 0.0) != null; attempt++) {
      total = total.plus(RetryPolicy.delayAfter(attempt, () -> 0.0)); // the shortest jitter
    }
    assertThat(total).isGreaterThan(Duration.ofDays(3));
    Duration longest = Duration.ZERO;
    for (int attempt = 1; RetryPolicy.delayAfter(attempt, () -> 0.5) != null; attempt++) {
      longest = longest.plus(RetryPolicy.delayAfter(attempt, () -> 0.5));
    }
    assertThat(longest).isGreaterThan(Duration.ofDays(3));
    assertThat(RetryPolicy.delayAfter(RetryPolicy.maxAttempts(), () -> 0.5)).isNull();
    assertThat(RetryPolicy.delayAfter(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(6));
  }
}
