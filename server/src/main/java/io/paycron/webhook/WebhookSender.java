package io.paycron.webhook;

import io.paycron.PaycronProperties;
import io.paycron.common.PollingLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP side of delivery: one signed POST per event, a blocking send on a pooled sender thread
 * over a kept-alive connection of its endpoint (Apache HttpClient). The JDK client's {@code
 * sendAsync} handed every response to the common fork-join pool, which on 2 cores starts a thread
 * per response; its asynchronous machinery cost a fifth of the server's CPU at 4,000 sends/s.
 */
final class WebhookSender implements AutoCloseable {

  private static final int RESPONSE_EXCERPT_BYTES = 1024;
  private static final int RESPONSE_DRAIN_BYTES = 64 * 1024;

  /** What the receiver answered, or why there was no answer. */
  record Answer(Integer statusCode, String error, String responseBody, long durationMs) {}

  private final ExecutorService senders;
  private final CloseableHttpClient http;

  WebhookSender(PaycronProperties.Webhook config, boolean publicTargetsOnly) {
    // one thread per send in flight, at most maxInFlight; idle ones end after a minute
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            config.maxInFlight(),
            config.maxInFlight(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            PollingLoop.daemonThreads("paycron-webhook-send"));
    pool.allowCoreThreadTimeOut(true);
    this.senders = pool;
    Timeout timeout = Timeout.ofSeconds(config.timeoutSeconds());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(
                        publicTargetsOnly
                            ? WebhookTargets.publicOnly()
                            : org.apache.hc.client5.http.SystemDefaultDnsResolver.INSTANCE)
                    .setMaxConnPerRoute(config.perEndpoint())
                    .setMaxConnTotal(config.maxInFlight())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(config.connectTimeoutSeconds()))
                            .setSocketTimeout(timeout)
                            .setTimeToLive(TimeValue.ofMinutes(5))
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
            .disableRedirectHandling() // a redirect is an answer, not a delivery
            .disableAutomaticRetries() // retries are the RetryPolicy's, and logged
            .disableCookieManagement()
            .disableContentCompression()
            .build();
  }

  /** Sends one delivery signed with {@code secrets}; {@code then} gets the answer, once. */
  void send(
      WebhookRepository.Claimed delivery,
      List<String> secrets,
      long nowMillis,
      Consumer<Answer> then) {
    long startedNanos = System.nanoTime();
    ClassicHttpRequest request;
    try {
      request = request(delivery, secrets, nowMillis / 1000);
    } catch (RuntimeException e) {
      then.accept(new Answer(null, "cannot build request: " + e.getMessage(), null, 0));
      return;
    }
    senders.execute(
        () -> {
          Integer status = null;
          String error = null;
          String body = null;
          try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            status = response.getCode();
            body = excerpt(response.getEntity());
          } catch (IOException | RuntimeException e) {
            error = describe(e);
          }
          then.accept(
              new Answer(status, error, body, (System.nanoTime() - startedNanos) / 1_000_000));
        });
  }

  private static ClassicHttpRequest request(
      WebhookRepository.Claimed delivery, List<String> secrets, long timestamp) {
    HttpPost post = new HttpPost(URI.create(delivery.url()));
    post.setHeader("User-Agent", "Paycron-Webhooks/1");
    post.setHeader("webhook-id", delivery.eventId());
    post.setHeader("webhook-timestamp", Long.toString(timestamp));
    post.setHeader(
        "webhook-signature",
        WebhookSigner.header(secrets, delivery.eventId(), timestamp, delivery.payload()));
    post.setHeader("Paycron-Event-Type", delivery.type());
    post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
    return post;
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    if (message == null && error.getCause() != null) {
      message = error.getCause().toString(); // e.g. a refused connection has only a cause
    }
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * The start of the answer, for the delivery log. A short answer is read to its end, which hands
   * the connection back to the pool for the next send; a long one is left unread, and closing the
   * response then discards its connection instead of reading megabytes.
   */
  private static String excerpt(HttpEntity entity) {
    if (entity == null) {
      return "";
    }
    try {
      InputStream body = entity.getContent();
      byte[] bytes = body.readNBytes(RESPONSE_EXCERPT_BYTES);
      if (body.readNBytes(RESPONSE_DRAIN_BYTES).length < RESPONSE_DRAIN_BYTES) {
        body.close();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
    http.close(CloseMode.IMMEDIATE);
  }
}
