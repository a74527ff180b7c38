package io.paycron.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The merchant's webhook endpoint: answers 200 at once and counts what arrived, so the receiver is
 * never what limits delivery throughput.
 */
final class WebhookCounter implements AutoCloseable {

  static {
    // without TCP_NODELAY the JDK server's small answers wait ~40 ms for a delayed ACK (Nagle),
    // which would cap deliveries at per-endpoint slots / 40 ms whatever Paycron does
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong received = new AtomicLong();

  private WebhookCounter(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static WebhookCounter start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
      ExecutorService threads = Executors.newFixedThreadPool(8);
      WebhookCounter counter = new WebhookCounter(server, threads);
      server.createContext(
          "/webhook",
          exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
              body.readAllBytes();
            }
            counter.received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.setExecutor(threads);
      server.start();
      return counter;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
  }

  long received() {
    return received.get();
  }

  /** Starts counting from zero (after a warm-up). */
  void reset() {
    received.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
