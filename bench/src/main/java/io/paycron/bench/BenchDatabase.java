package io.paycron.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's PostgreSQL schemas: one per measured system, all named {@code bench_<timestamp>…},
 * created at the start and dropped at the end (also on Ctrl-C), so runs never see each other's
 * rows.
 */
final class BenchDatabase implements AutoCloseable {

  private final String baseUrl;
  private final String user;
  private final String prefix;
  private final List<String> schemas = new ArrayList<>();
  private final Thread dropOnExit;

  BenchDatabase(String baseUrl, String user, String prefix) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.prefix = prefix;
    this.dropOnExit = new Thread(this::dropAll, "bench-drop-schemas");
    Runtime.getRuntime().addShutdownHook(dropOnExit);
  }

  String prefix() {
    return prefix;
  }

  /** Creates {@code <prefix>_<suffix>} and returns its name. */
  synchronized String createSchema(String suffix) {
    String schema = prefix + "_" + suffix;
    execute("CREATE SCHEMA " + schema);
    schemas.add(schema);
    return schema;
  }

  /**
   * Drops a schema as soon as its system is measured, so the next one starts on a quiet database.
   */
  synchronized void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    schemas.remove(schema);
  }

  /** A JDBC URL whose connections see {@code schema} first. */
  String urlFor(String schema) {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  String user() {
    return user;
  }

  HikariDataSource pool(String schema, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(urlFor(schema));
    config.setUsername(user);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(urlFor(schema), user, "");
  }

  /** The harness's SQL on {@code schema}'s tables. */
  SqlRunner at(String schema) {
    return () -> connect(schema);
  }

  /** One long (or 0 when the query returns no row) from {@code sql} in {@code schema}. */
  long queryLong(String schema, String sql, Object... params) {
    return at(schema).queryLong(sql, params);
  }

  /** Rows of longs from {@code sql}. */
  List<long[]> queryRows(String schema, String sql, Object... params) {
    return at(schema).queryRows(sql, params);
  }

  void execute(String schema, String... statements) {
    at(schema).execute(statements);
  }

  String serverVersion() {
    try (Connection connection = DriverManager.getConnection(baseUrl, user, "");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1);
    } catch (SQLException e) {
      return "PostgreSQL (version unknown: " + e.getMessage() + ")";
    }
  }

  /** Fails early, with the fix, when PostgreSQL is not there. */
  void requireReachable() {
    try (Connection ignored = DriverManager.getConnection(baseUrl, user, "")) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach PostgreSQL at "
              + baseUrl
              + " as "
              + user
              + " ("
              + e.getMessage()
              + "); start it or pass --db-url/--db-user");
    }
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(baseUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private synchronized void dropAll() {
    for (String schema : schemas) {
      try {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (RuntimeException e) {
        System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
      }
    }
    schemas.clear();
  }

  @Override
  public void close() {
    dropAll();
    try {
      Runtime.getRuntime().removeShutdownHook(dropOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or has run
    }
  }
}
