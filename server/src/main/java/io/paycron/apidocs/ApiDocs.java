package io.paycron.apidocs;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the {@link EndpointDocs} beans write into: endpoints, shared object schemas and tags. */
public final class ApiDocs {

  private final List<Endpoint> endpoints = new ArrayList<>();
  private final Map<String, Schema<?>> schemas = new LinkedHashMap<>();
  private final Map<String, Tag> tags = new LinkedHashMap<>();

  public Endpoint get(String... paths) {
    return add("GET", paths);
  }

  public Endpoint post(String... paths) {
    return add("POST", paths);
  }

  public Endpoint put(String... paths) {
    return add("PUT", paths);
  }

  public Endpoint delete(String... paths) {
    return add("DELETE", paths);
  }

  /**
   * A named object schema in {@code components/schemas}, referred to with {@link Types#ref}; the
   * name is returned for convenience.
   */
  public String schema(String name, Schema<?> schema) {
    if (schemas.putIfAbsent(name, schema) != null) {
      throw new IllegalStateException("schema " + name + " is documented twice");
    }
    return name;
  }

  /** A tag groups a feature's endpoints in Swagger UI and in docs/api-reference.md. */
  public String tag(String name, String description) {
    tags.putIfAbsent(name, new Tag().name(name).description(description));
    return name;
  }

  private Endpoint add(String method, String... paths) {
    Endpoint endpoint = new Endpoint(method, List.of(paths));
    endpoints.add(endpoint);
    return endpoint;
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  Map<String, Schema<?>> schemas() {
    return schemas;
  }

  List<Tag> tags() {
    return new ArrayList<>(tags.values());
  }
}
