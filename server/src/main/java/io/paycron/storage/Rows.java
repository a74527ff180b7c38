package io.paycron.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Many rows as one relation inside a statement, so that a batch of updates or lookups is one
 * statement instead of one per row: {@code UPDATE t SET … FROM <rows> WHERE t.key = v.key}.
 * PostgreSQL receives one array per column ({@code unnest}), so the statement text is the same for
 * every batch size; SQLite receives a {@code VALUES} list (it has no arrays, and runs in-process).
 */
public final class Rows {

  /** The SQL type of a column; PostgreSQL needs it to type the array. */
  public enum Type {
    TEXT("text"),
    BIGINT("bigint"),
    INTEGER("integer");

    private final String sqlName;

    Type(String sqlName) {
      this.sqlName = sqlName;
    }
  }

  private final String alias;
  private final List<String> names = new ArrayList<>();
  private final List<Type> types = new ArrayList<>();
  private final List<Object[]> data = new ArrayList<>();

  private Rows(String alias) {
    this.alias = alias;
  }

  /** An empty relation named {@code alias} in the statement; add columns, then rows. */
  public static Rows named(String alias) {
    return new Rows(alias);
  }

  public Rows text(String name) {
    return column(name, Type.TEXT);
  }

  public Rows bigint(String name) {
    return column(name, Type.BIGINT);
  }

  public Rows integer(String name) {
    return column(name, Type.INTEGER);
  }

  private Rows column(String name, Type type) {
    if (!data.isEmpty()) {
      throw new IllegalStateException("columns come before rows");
    }
    names.add(name);
    types.add(type);
    return this;
  }

  /** Adds one row, its values in column order. */
  public Rows add(Object... values) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException(
          "a row of " + values.length + " values for " + names.size() + " columns");
    }
    data.add(values);
    return this;
  }

  public boolean isEmpty() {
    return data.isEmpty();
  }

  public int size() {
    return data.size();
  }

  /** The relation as a FROM item, e.g. {@code (SELECT …) AS v}, with named parameters. */
  public String sql(SqlDialect dialect) {
    StringBuilder sql = new StringBuilder("(");
    if (dialect == SqlDialect.POSTGRESQL) {
      sql.append("SELECT * FROM unnest(");
      for (int c = 0; c < names.size(); c++) {
        sql.append(c == 0 ? "CAST(:" : ", CAST(:")
            .append(param(c))
            .append(" AS ")
            .append(types.get(c).sqlName)
            .append("[])");
      }
      sql.append(") AS ").append(alias).append("_(").append(String.join(", ", names)).append(')');
    } else if (data.isEmpty()) {
      // SQLite has no empty VALUES list: a select of no rows with the same columns
      sql.append("SELECT ");
      for (int c = 0; c < names.size(); c++) {
        sql.append(c == 0 ? "" : ", ").append("NULL AS ").append(names.get(c));
      }
      sql.append(" WHERE 0");
    } else {
      sql.append("SELECT ");
      for (int c = 0; c < names.size(); c++) {
        sql.append(c == 0 ? "" : ", ").append("column").append(c + 1).append(" AS ");
        sql.append(names.get(c));
      }
      sql.append(" FROM (VALUES ");
      for (int r = 0; r < data.size(); r++) {
        sql.append(r == 0 ? "(" : ", (");
        for (int c = 0; c < names.size(); c++) {
          sql.append(c == 0 ? ":" : ", :").append(param(c)).append('_').append(r);
        }
        sql.append(')');
      }
      sql.append(')');
    }
    return sql.append(") AS ").append(alias).toString();
  }

  /** The parameters {@link #sql} names. */
  public Map<String, Object> params(SqlDialect dialect) {
    Map<String, Object> params = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      if (dialect == SqlDialect.POSTGRESQL) {
        Object[] column = new Object[data.size()];
        for (int r = 0; r < data.size(); r++) {
          column[r] = data.get(r)[c];
        }
        params.put(param(c), new ArrayValue(types.get(c).sqlName, column));
      } else {
        for (int r = 0; r < data.size(); r++) {
          params.put(param(c) + "_" + r, data.get(r)[c]);
        }
      }
    }
    return params;
  }

  private String param(int column) {
    return alias + "_" + names.get(column);
  }

  /** A column's values as one SQL array, made on the statement's own connection. */
  private static final class ArrayValue extends AbstractSqlTypeValue {
    private final String elementType;
    private final Object[] values;

    ArrayValue(String elementType, Object[] values) {
      this.elementType = elementType;
      this.values = values;
    }

    @Override
    protected Object createTypeValue(Connection connection, int sqlType, String typeName)
        throws SQLException {
      return connection.createArrayOf(elementType, values);
    }
  }
}
