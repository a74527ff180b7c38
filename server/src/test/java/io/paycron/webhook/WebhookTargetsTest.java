package io.paycron.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.PaycronProperties;
import io.paycron.support.WebhookReceiver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Production sends webhooks to public addresses only (SSRF); sandbox to anything. */
class WebhookTargetsTest {

  private static InetAddress at(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void internalRangesAreNotPublic() throws Exception {
    for (String internal :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "fc12::1")) {
      assertThat(WebhookTargets.isPublic(at(internal))).as(internal).isFalse();
    }
    for (String open : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "2001:4860:4860::8888")) {
      assertThat(WebhookTargets.isPublic(at(open))).as(open).isTrue();
    }
  }

  @Test
  void urlsNamingAnInternalHostAreRefusedBeforeAnyLookup() {
    for (String url :
        List.of(
            "http://localhost:9000/hook",
            "http://api.localhost/hook",
            "http://127.0.0.1/hook",
            "http://[::1]:8080/hook",
            "http://169.254.169.254/latest/meta-data",
            "https://10.0.0.5/")) {
      assertThatThrownBy(() -> WebhookTargets.requirePublicHost(url))
          .as(url)
          .hasMessageContaining("internal address");
    }
    assertThatCode(() -> WebhookTargets.requirePublicHost("https://8.8.8.8/hook"))
        .doesNotThrowAnyException();
    assertThatCode(() -> WebhookTargets.requirePublicHost("https://shop.example.com/hook"))
        .doesNotThrowAnyException();
  }

  @Test
  void productionRefusesAnInternalWebhookUrlWhenItIsSetBeforeStoringIt() {
    // no repository: the refusal comes before anything is stored
    WebhookSettings settings =
        new WebhookSettings(null, null, null, null, null, io.paycron.RuntimeMode.PRODUCTION);
    assertThatThrownBy(() -> settings.setUrl("m1", "http://169.254.169.254/latest/meta-data"))
        .isInstanceOf(io.paycron.web.ApiException.InvalidRequest.class)
        .hasMessageContaining("internal address");
  }

  @Test
  void theProductionResolverRefusesInternalAddresses() throws Exception {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().resolve("127.0.0.1"))
        .isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("internal address");
    assertThat(WebhookTargets.publicOnly().resolve("8.8.8.8")).containsExactly(at("8.8.8.8"));
  }

  @Test
  void aProductionSenderDoesNotReachALoopbackReceiverAndASandboxOneDoes() throws Exception {
    PaycronProperties.Webhook config =
        new PaycronProperties.Webhook(true, 200, 2, 5, 4, 8, 100, 432000);
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      WebhookRepository.Claimed delivery =
          new WebhookRepository.Claimed(
              "m1", "msg_1", "", receiver.url("/ssrf"), 0, "schedule.executed", "{}", 0);
      WebhookSender.Answer refused = send(new WebhookSender(config, true), delivery);
      assertThat(refused.statusCode()).isNull();
      assertThat(refused.error()).contains("internal address");
      assertThat(receiver.receivedOn("/ssrf")).isEmpty();

      WebhookSender.Answer sent = send(new WebhookSender(config, false), delivery);
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(receiver.receivedOn("/ssrf")).hasSize(1);
    }
  }

  private static WebhookSender.Answer send(WebhookSender sender, WebhookRepository.Claimed d)
      throws Exception {
    CompletableFuture<WebhookSender.Answer> answer = new CompletableFuture<>();
    sender.send(d, List.of("whsec_" + "A".repeat(32)), 1_800_000_000_000L, answer::complete);
    return answer.get(20, TimeUnit.SECONDS);
  }
}
