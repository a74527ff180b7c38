package io.paycron.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A merchant's webhook endpoint on loopback: records every request and answers as the test programs
 * it (a status code, or never).
 */
public final class WebhookReceiver implements AutoCloseable {

  static {
    // without TCP_NODELAY the JDK server's small answers wait ~40 ms for a delayed ACK
    // (Nagle), which would make every delivery look slow
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One request as received; header names are lower case. */
  public record Received(String path, Map<String, String> headers, String body) {}

  /** What to answer: a status code, or {@link #NEVER} to hold the connection open. */
  public static final int NEVER = -1;

  private final HttpServer server;
  // a queue, not a copy-on-write list: the kill test records 100,000 requests, and copying the
  // whole list on each of them would cost the two-core machine more than the servers do
  private final java.util.Queue<Received> received = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Function<Received, Integer> behaviour = request -> 200;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request = new Received(exchange.getRequestURI().getPath(), headers, body);
    received.add(request);
    int status = behaviour.apply(request);
    if (status == NEVER) {
      try {
        closing.await(); // like i'mport's sample handler: does its work, never answers
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  public void answer(Function<Received, Integer> behaviour) {
    this.behaviour = behaviour;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  public List<Received> receivedOn(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
