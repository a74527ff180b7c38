package io.paycron.storage;

import io.paycron.support.TestDatabase;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table of a store as text ({@code column=value, …}, rows sorted), to check that
 * an upgrade keeps what was there. Flyway's own history is left out: an upgrade adds to it.
 */
record TableContents(Map<String, List<String>> columns, Map<String, List<String>> rows) {

  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  static TableContents of(TestDatabase database, JdbcClient jdbc) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String table : tables(database, jdbc)) {
      columns.put(table, columnsOf(jdbc, table));
    }
    return read(jdbc, columns);
  }

  /**
   * The same tables read again, in the columns they had here and still have (a migration may drop a
   * column on purpose). A table that is gone is missing from the result.
   */
  TableContents readAgain(TestDatabase database, JdbcClient jdbc) {
    List<String> tablesNow = tables(database, jdbc);
    Map<String, List<String>> kept = new LinkedHashMap<>();
    columns.forEach(
        (table, before) -> {
          if (tablesNow.contains(table)) {
            List<String> now = columnsOf(jdbc, table);
            kept.put(table, before.stream().filter(now::contains).toList());
          }
        });
    return read(jdbc, kept);
  }

  long rowCount() {
    return rows.values().stream().mapToLong(List::size).sum();
  }

  private static TableContents read(JdbcClient jdbc, Map<String, List<String>> columns) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    columns.forEach(
        (table, names) ->
            rows.put(
                table,
                jdbc
                    .sql("SELECT " + String.join(", ", names) + " FROM " + table)
                    .query((rs, n) -> rowText(rs))
                    .list()
                    .stream()
                    .sorted()
                    .toList()));
    return new TableContents(columns, rows);
  }

  private static String rowText(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      values.add(meta.getColumnName(i) + "=" + rs.getString(i));
    }
    return String.join(", ", values);
  }

  private static List<String> tables(TestDatabase database, JdbcClient jdbc) {
    String sql =
        switch (database) {
          case POSTGRES -> "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
          case SQLITE ->
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        };
    return jdbc.sql(sql).query(String.class).list().stream()
        .filter(table -> !table.equals(FLYWAY_HISTORY))
        .sorted()
        .toList();
  }

  private static List<String> columnsOf(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT * FROM " + table + " WHERE 1 = 0")
        .query(
            rs -> {
              ResultSetMetaData meta = rs.getMetaData();
              List<String> names = new ArrayList<>();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
              }
              return names;
            });
  }
}
