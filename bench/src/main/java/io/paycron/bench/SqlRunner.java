package io.paycron.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the harness's own SQL about one system's tables goes (a PostgreSQL schema, or the embedded
 * SQLite file of a {@code --sqlite} run): every call on a connection of its own, closed at once, so
 * the harness never holds a transaction open while the system runs.
 */
@FunctionalInterface
interface SqlRunner {

  Connection connect() throws SQLException;

  /** One long (or 0 when the query returns no row). */
  default long queryLong(String sql, Object... params) {
    List<long[]> rows = queryRows(sql, params);
    return rows.isEmpty() ? 0 : rows.get(0)[0];
  }

  /** Rows of longs (SQL NULL reads as 0). */
  default List<long[]> queryRows(String sql, Object... params) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<long[]> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          long[] row = new long[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = rs.getLong(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** {@code statements} one after another, each committed on its own. */
  default void execute(String... statements) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
