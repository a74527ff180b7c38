package io.paycron.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two databases every storage test runs on. Each call makes a fresh, private store: a new
 * SQLite folder, or a new schema in the local PostgreSQL {@code test} database, dropped at exit.
 */
public enum TestDatabase {
  SQLITE,
  POSTGRES;

  public static final String PG_BASE = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String PG_USER = "postgres";

  /** Spring properties that point a server at a fresh store; {@code location} describes it. */
  public record Store(Map<String, Object> properties, Path sqliteFile, String pgSchema) {}

  public Store freshStore() {
    Map<String, Object> properties = new HashMap<>();
    if (this == SQLITE) {
      try {
        Path dir = Files.createTempDirectory("paycron-test-");
        properties.put("paycron.data", dir.toString());
        return new Store(properties, dir.resolve("paycron.db"), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + schema);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE")));
    properties.put("paycron.db-url", PG_BASE + "?currentSchema=" + schema);
    properties.put("paycron.db-user", PG_USER);
    return new Store(properties, null, schema);
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(PG_BASE, PG_USER, "")) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL on 127.0.0.1:5432 (database test, trust auth) is needed: " + e.getMessage(),
          e);
    }
  }
}
