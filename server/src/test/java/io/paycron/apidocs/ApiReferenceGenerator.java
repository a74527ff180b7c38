package io.paycron.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes docs/api-reference.md from the OpenAPI document: one section per tag, one per endpoint
 * (method, path, auth, parameters, request fields, response, errors), then the shared objects.
 */
final class ApiReferenceGenerator {

  static final String REGENERATE =
      "./mvnw -pl server test -Dtest=ApiReferenceTest -Dpaycron.docs.write=true";
  private static final List<String> METHODS = List.of("get", "post", "put", "delete");

  private final JsonNode document;
  private final StringBuilder out = new StringBuilder();

  private ApiReferenceGenerator(JsonNode document) {
    this.document = document;
  }

  static String markdown(JsonNode document) {
    return new ApiReferenceGenerator(document).write();
  }

  private String write() {
    line("# Paycron API reference");
    line("");
    line(
        "Generated from the OpenAPI document (`GET /v3/api-docs`, also in"
            + " [openapi.json](openapi.json)); do not edit by hand. Regenerate with `"
            + REGENERATE
            + "`. Interactive: `/swagger-ui.html` on a running server.");
    line("");
    line(document.at("/info/description").asString().strip());
    line("");
    Map<String, List<String[]>> byTag = operationsByTag();
    line("## Contents");
    line("");
    for (JsonNode tag : document.path("tags")) {
      String name = tag.path("name").asString();
      line("- [" + name + "](#" + anchor(name) + ")");
      for (String[] operation : byTag.getOrDefault(name, List.of())) {
        line("  - [" + heading(operation) + "](#" + anchor(heading(operation)) + ")");
      }
    }
    line("- [Objects](#objects)");
    line("");
    for (JsonNode tag : document.path("tags")) {
      String name = tag.path("name").asString();
      line("## " + name);
      line("");
      line(tag.path("description").asString());
      line("");
      for (String[] operation : byTag.getOrDefault(name, List.of())) {
        operation(operation);
      }
    }
    objects();
    return out.toString();
  }

  /** Per tag, {method, path} pairs in path order. */
  private Map<String, List<String[]>> operationsByTag() {
    Map<String, List<String[]>> byTag = new LinkedHashMap<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                  byTag
                      .computeIfAbsent(
                          operation.path("tags").get(0).asString(), t -> new ArrayList<>())
                      .add(new String[] {method, path.getKey()});
                }
              }
            });
    return byTag;
  }

  private static String heading(String[] operation) {
    return operation[0].toUpperCase() + " " + operation[1];
  }

  private void operation(String[] key) {
    JsonNode operation = document.path("paths").path(key[1]).path(key[0]);
    line("### " + heading(key));
    line("");
    line("**" + operation.path("summary").asString() + ".** " + auth(operation));
    line("");
    String description = operation.path("description").asString("");
    if (!description.isBlank()) {
      line(description);
      line("");
    }
    parameters(operation, "path", "Path parameters");
    parameters(operation, "query", "Query parameters");
    JsonNode body = operation.at("/requestBody/content/application~1json/schema");
    if (!body.isMissingNode()) {
      line("Request body (JSON or form-encoded):");
      line("");
      fields(body);
      JsonNode example = operation.at("/requestBody/content/application~1json/example");
      if (!example.isMissingNode()) {
        line("Example:");
        line("");
        line("```json");
        line(example.toString());
        line("```");
        line("");
      }
    }
    JsonNode response =
        operation.at("/responses/200/content/application~1json/schema/properties/response");
    line("Response: `{code, message, response}` with `response` = " + type(response) + ".");
    line("");
    JsonNode inline = resolveArrayItems(response);
    if (!inline.has("$ref") && inline.has("properties")) {
      fields(inline);
    }
    line("| status | when |");
    line("|---|---|");
    operation
        .path("responses")
        .properties()
        .forEach(
            r ->
                line(
                    "| "
                        + r.getKey()
                        + " | "
                        + cell(answer(r.getValue()).path("description"))
                        + " |"));
    line("");
  }

  /** A response, or the shared one in components/responses it refers to. */
  private JsonNode answer(JsonNode response) {
    return response.has("$ref")
        ? document.at(response.get("$ref").asString().substring(1))
        : response;
  }

  private static JsonNode resolveArrayItems(JsonNode schema) {
    return schema.path("type").asString().equals("array") ? schema.path("items") : schema;
  }

  private String auth(JsonNode operation) {
    JsonNode security = operation.path("security");
    if (security.isEmpty()) {
      return "Auth: none.";
    }
    return security.get(0).has(Operations.ADMIN_TOKEN)
        ? "Auth: `Authorization: Bearer <PAYCRON_ADMIN_TOKEN>`."
        : "Auth: access token (`Authorization` or `X-ImpTokenHeader`).";
  }

  private void parameters(JsonNode operation, String in, String title) {
    List<JsonNode> parameters = new ArrayList<>();
    operation
        .path("parameters")
        .forEach(
            p -> {
              if (p.path("in").asString().equals(in)) {
                parameters.add(p);
              }
            });
    if (parameters.isEmpty()) {
      return;
    }
    line(title + ":");
    line("");
    line("| name | type | required | description |");
    line("|---|---|---|---|");
    for (JsonNode p : parameters) {
      line(
          "| `"
              + p.path("name").asString()
              + "` | "
              + type(p.path("schema"))
              + " | "
              + (p.path("required").asBoolean(false) ? "yes" : "no")
              + " | "
              + cell(p.path("description"))
              + " |");
    }
    line("");
  }

  private void fields(JsonNode schema) {
    line("| field | type | required | description |");
    line("|---|---|---|---|");
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    schema
        .path("properties")
        .properties()
        .forEach(
            p ->
                line(
                    "| `"
                        + p.getKey()
                        + "` | "
                        + type(p.getValue())
                        + " | "
                        + (required.contains(p.getKey()) ? "yes" : "no")
                        + " | "
                        + cell(p.getValue().path("description"))
                        + " |"));
    line("");
  }

  private void objects() {
    line("## Objects");
    line("");
    document
        .at("/components/schemas")
        .properties()
        .forEach(
            s -> {
              line("### " + s.getKey() + " (object)");
              line("");
              line(s.getValue().path("description").asString());
              line("");
              fields(s.getValue());
            });
  }

  /** A schema's type in words, with links to the objects section. */
  private String type(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
      return "[" + name + "](#" + anchor(name + " (object)") + ")";
    }
    if (schema.has("allOf")) {
      return type(schema.get("allOf").get(0)) + " or null";
    }
    String type = schema.path("type").asString("object");
    String text =
        switch (type) {
          case "array" -> "array of " + type(schema.path("items"));
          case "integer" -> "integer";
          default -> type;
        };
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(v -> values.add("`" + v.asString() + "`"));
      text += ": " + String.join(", ", values);
    }
    return schema.path("nullable").asBoolean(false) ? text + " or null" : text;
  }

  private static String cell(JsonNode text) {
    return text.asString("").replace("|", "\\|").replace("\n", " ");
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
  static String anchor(String heading) {
    return heading.toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
