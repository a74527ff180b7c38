package io.paycron.apidocs;

import io.swagger.v3.oas.models.media.Schema;

/** One named value of a request body, a query string or a response object. */
public record Field(String name, Schema<?> schema, boolean required) {

  public static Field required(String name, Schema<?> schema) {
    return new Field(name, schema, true);
  }

  public static Field optional(String name, Schema<?> schema) {
    return new Field(name, schema, false);
  }

  /** A response key: always present (API.md: "every key is present"), so listed as required. */
  public static Field key(String name, Schema<?> schema) {
    return new Field(name, schema, true);
  }
}
