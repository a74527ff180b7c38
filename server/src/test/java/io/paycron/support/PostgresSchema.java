package io.paycron.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A fresh schema in the local PostgreSQL {@code test} database for servers in other processes, and
 * plain JDBC to check what they wrote. Dropped on close (and at JVM exit, if close never ran).
 */
public final class PostgresSchema implements AutoCloseable {

  private final String name = "k_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private final Thread dropAtExit = new Thread(this::drop, "drop-" + name);

  private PostgresSchema() {}

  public static PostgresSchema create() {
    PostgresSchema schema = new PostgresSchema();
    execute(TestDatabase.PG_BASE, "CREATE SCHEMA " + schema.name);
    Runtime.getRuntime().addShutdownHook(schema.dropAtExit);
    return schema;
  }

  public String name() {
    return name;
  }

  /**
   * The URL a server gets in PAYCRON_DB_URL. Its connections carry the schema's name as their
   * application_name, so a test can find exactly this server's backends in pg_stat_activity.
   */
  public String jdbcUrl() {
    return TestDatabase.PG_BASE + "?currentSchema=" + name + "&ApplicationName=" + name;
  }

  public long count(String sql, Object... params) {
    List<String> row = strings(sql, params);
    return row.isEmpty() ? 0 : Long.parseLong(row.get(0));
  }

  /** The first column of every row, as text; a Collection parameter binds as a text[] array. */
  public List<String> strings(String sql, Object... params) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof Collection<?> values) {
          Array array = connection.createArrayOf("text", values.toArray());
          statement.setArray(i + 1, array);
        } else {
          statement.setObject(i + 1, params[i]);
        }
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    drop();
    try {
      Runtime.getRuntime().removeShutdownHook(dropAtExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or has run: the schema is dropped either way
    }
  }

  private void drop() {
    execute(TestDatabase.PG_BASE, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  /** The test's own connection, named apart from the servers' so cutting theirs spares it. */
  private Connection connect() throws SQLException {
    String url = TestDatabase.PG_BASE + "?currentSchema=" + name + "&ApplicationName=test-" + name;
    return DriverManager.getConnection(url, TestDatabase.PG_USER, "");
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, TestDatabase.PG_USER, "")) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL on 127.0.0.1:5432 (database test, trust auth) is needed: " + e.getMessage(),
          e);
    }
  }
}
