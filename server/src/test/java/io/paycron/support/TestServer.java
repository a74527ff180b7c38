package io.paycron.support;

import io.paycron.PaycronApplication;
import io.paycron.merchant.MerchantAccounts;
import io.paycron.merchant.SandboxMerchant;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole Paycron server on a random loopback port, on a fresh store of the given database, with a
 * settable clock. Tests talk to it over real HTTP.
 */
public final class TestServer implements AutoCloseable {

  /**
   * A property only TestServer reads (it is not passed to Spring): {@code test.clock=ticking} gives
   * the server a {@link MutableClock#ticking() ticking} clock instead of a frozen one.
   */
  public static final String CLOCK = "test.clock";

  public static final String TICKING = "ticking";

  private final ConfigurableApplicationContext context;
  private final TestDatabase database;
  private final TestDatabase.Store store;
  private final MutableClock clock;

  private TestServer(
      ConfigurableApplicationContext context,
      TestDatabase database,
      TestDatabase.Store store,
      MutableClock clock) {
    this.context = context;
    this.database = database;
    this.store = store;
    this.clock = clock;
  }

  public static TestServer start(TestDatabase database) {
    return start(database, Map.of());
  }

  public static TestServer start(TestDatabase database, Map<String, Object> extra) {
    return start(database, database.freshStore(), extra, clockFor(extra));
  }

  private static MutableClock clockFor(Map<String, Object> extra) {
    return TICKING.equals(extra.get(CLOCK))
        ? MutableClock.ticking()
        : new MutableClock(Instant.now());
  }

  /**
   * A server on a schema the test made itself (and reads with plain JDBC, outside the server's
   * pool); its connections are named after the schema (see {@link PostgresSchema#jdbcUrl()}).
   */
  public static TestServer on(PostgresSchema schema, Map<String, Object> extra) {
    Map<String, Object> properties =
        Map.of("paycron.db-url", schema.jdbcUrl(), "paycron.db-user", TestDatabase.PG_USER);
    TestDatabase.Store store = new TestDatabase.Store(properties, null, schema.name());
    return start(TestDatabase.POSTGRES, store, extra, clockFor(extra));
  }

  /**
   * A server on an existing store: one a stopped server left behind (as after a restart), or one
   * the test migrated and filled itself.
   */
  public static TestServer startOn(
      TestDatabase database, TestDatabase.Store store, Map<String, Object> extra) {
    return start(database, store, extra, new MutableClock(Instant.now()));
  }

  public static TestServer startOn(TestDatabase database, TestDatabase.Store store) {
    return startOn(database, store, Map.of());
  }

  /** A second node on the same store as {@code other} (PostgreSQL: several nodes, one database). */
  public static TestServer joining(TestServer other, Map<String, Object> extra) {
    return start(other.database(), other.store(), extra, other.clock());
  }

  private static TestServer start(
      TestDatabase database,
      TestDatabase.Store store,
      Map<String, Object> extra,
      MutableClock clock) {
    Map<String, Object> properties = new HashMap<>(store.properties());
    properties.put("server.port", "0");
    properties.put("server.address", "127.0.0.1");
    properties.put("paycron.sandbox.timeout-delay-ms", "50");
    properties.put("paycron.gateway-timeout", "5");
    properties.put("paycron.reconcile-interval", "3600");
    properties.put("paycron.scheduler.poll-interval-ms", "50");
    properties.put("paycron.webhook.poll-interval-ms", "50");
    properties.putAll(extra);
    properties.remove(CLOCK);
    // as command-line arguments, so they win over application.yml
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    SpringApplication application =
        new SpringApplicationBuilder(PaycronApplication.class)
            .initializers(context -> context.getBeanFactory().registerSingleton("baseClock", clock))
            .build();
    return new TestServer(application.run(args), database, store, clock);
  }

  public TestDatabase database() {
    return database;
  }

  public TestDatabase.Store store() {
    return store;
  }

  public MutableClock clock() {
    return clock;
  }

  public String baseUrl() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  /** A client logged in as the public sandbox merchant. */
  public ApiClient sandboxClient() {
    return ApiClient.login(baseUrl(), SandboxMerchant.IMP_KEY, SandboxMerchant.IMP_SECRET);
  }

  /** A client for a brand-new merchant of its own. */
  public ApiClient newMerchantClient(String name) {
    MerchantAccounts.Credentials credentials = bean(MerchantAccounts.class).create(name, true);
    return ApiClient.login(baseUrl(), credentials.impKey(), credentials.impSecret());
  }

  @Override
  public void close() {
    context.close();
  }
}
