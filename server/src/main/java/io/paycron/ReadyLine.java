package io.paycron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints the one line that tells an operator (and scripts) the server is ready. */
@Component
class ReadyLine {

  private static final Logger log = LoggerFactory.getLogger("paycron");

  private final RuntimeMode mode;
  private final PaycronProperties properties;

  ReadyLine(RuntimeMode mode, PaycronProperties properties) {
    this.mode = mode;
    this.properties = properties;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : -1;
    String storage =
        properties.usesPostgres()
            ? "PostgreSQL"
            : "SQLite " + properties.data().toAbsolutePath().normalize().resolve("paycron.db");
    log.info(
        "Paycron ready on http://localhost:{} ({} mode, {})",
        port,
        mode.name().toLowerCase(),
        storage);
  }
}
