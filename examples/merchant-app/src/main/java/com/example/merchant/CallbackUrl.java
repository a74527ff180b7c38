package com.example.merchant;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code notice_url} our schedules carry: {@code merchant.callback-url}, or when that is empty
 * this app's own callback on the port it actually listens on. Reading the port after start (not
 * {@code server.port}) keeps {@code server.port=0} working, as in tests.
 */
@Component
class CallbackUrl {

  static final String PATH = "/iamport-callback/schedule";

  private final String configured;
  private final String host;
  private volatile int port;

  CallbackUrl(MerchantProperties properties, Environment environment) {
    this.configured = properties.callbackUrl();
    this.host = host(environment.getProperty("server.address", ""));
  }

  @EventListener
  void onStarted(WebServerInitializedEvent event) {
    // a separate management server (another port) is not where callbacks go
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  String get() {
    if (!configured.isBlank()) {
      return configured;
    }
    if (port <= 0) {
      throw new IllegalStateException("the callback URL is not known until the web server runs");
    }
    return "http://" + host + ":" + port + PATH;
  }

  /** The bound address if there is one (Paycron must reach us there), else localhost. */
  private static String host(String address) {
    if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
      return "localhost";
    }
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
