package io.paycron.support;

import java.util.EnumMap;
import java.util.Map;

/** One server per database for a test class: start lazily, close in {@code @AfterAll}. */
public final class Servers implements AutoCloseable {

  private final Map<TestDatabase, TestServer> running = new EnumMap<>(TestDatabase.class);
  private final Map<String, Object> properties;

  public Servers() {
    this(Map.of());
  }

  public Servers(Map<String, Object> properties) {
    this.properties = properties;
  }

  public synchronized TestServer on(TestDatabase database) {
    return running.computeIfAbsent(database, db -> TestServer.start(db, properties));
  }

  @Override
  public synchronized void close() {
    running.values().forEach(TestServer::close);
    running.clear();
  }
}
