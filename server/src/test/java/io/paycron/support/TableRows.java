package io.paycron.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table read into memory, to be written into another store later: what outlives a
 * restore of Paycron's database (the card network's memory) or what a restore brings back.
 */
public record TableRows(
    String table, List<String> columns, List<Integer> types, List<Object[]> rows) {

  /** The rows of {@code table} that match {@code where} (SQL with {@code ?} for the params). */
  public static TableRows read(Connection connection, String table, String where, Object... params)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
      for (int i = 0; i < params.length; i++) {
        select.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnName(i));
          types.add(meta.getColumnType(i));
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
        return new TableRows(table, columns, types, rows);
      }
    }
  }

  /** Every row of {@code table}. */
  public static TableRows readAll(Connection connection, String table) throws SQLException {
    return read(connection, table, "1 = 1");
  }

  /** Inserts the rows into the same table of {@code connection}'s store, in one batch. */
  public void insertInto(Connection connection) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) {
            insert.setNull(i + 1, types.get(i));
          } else {
            insert.setObject(i + 1, row[i]);
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  public int size() {
    return rows.size();
  }
}
