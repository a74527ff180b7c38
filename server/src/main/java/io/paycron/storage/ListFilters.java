package io.paycron.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional filters of a paged list query: the conditions asked for, joined with AND, and their
 * named parameters. Values are always bound; only fixed condition text is put in the statement.
 */
public final class ListFilters {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  /** Adds {@code condition}, which names {@code :name}, bound to {@code value}. */
  public ListFilters add(String condition, String name, Object value) {
    conditions.add(condition);
    params.put(name, value);
    return this;
  }

  /** Adds {@code condition} only when {@code value} is given (not null): no value, no filter. */
  public ListFilters whenGiven(String condition, String name, Object value) {
    return value == null ? this : add(condition, name, value);
  }

  /** Adds a condition without parameters (fixed text, never input). */
  public ListFilters add(String condition) {
    conditions.add(condition);
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing when no filter was asked for. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The filters' parameters with the page's {@code :limit} and {@code :offset}. */
  public Map<String, Object> params(int limit, int offset) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("limit", limit);
    all.put("offset", offset);
    return all;
  }
}
