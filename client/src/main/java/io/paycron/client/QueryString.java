package io.paycron.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Builds a percent-encoded query; array parameters the i'mport way: {@code imp_uid[]=a&…}. */
final class QueryString {

  private final StringBuilder query = new StringBuilder();

  /** Adds {@code name=value}; a {@code null} value is left out. */
  QueryString add(String name, Object value) {
    if (value != null) {
      query.append(query.isEmpty() ? '?' : '&').append(encode(name)).append('=');
      query.append(encode(String.valueOf(value)));
    }
    return this;
  }

  /** Adds {@code name[]=v} for every value. */
  QueryString addAll(String name, Collection<String> values) {
    for (String value : values) {
      add(name + "[]", value);
    }
    return this;
  }

  @Override
  public String toString() {
    return query.toString();
  }

  /** Encodes one path segment or query part; a space becomes {@code %20}, not {@code +}. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
