package io.paycron.apidocs;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documentation of one operation, written next to the others of its feature in an {@link
 * EndpointDocs} class: what it does, what it reads, what it answers inside the envelope and which
 * error statuses it can give beyond the ones every endpoint of its kind gives (see {@link
 * Operations}).
 */
public final class Endpoint {

  final String method;
  final List<String> paths;
  String tag;
  String summary;
  String description = "";
  Access access = Access.MERCHANT;
  final List<Field> query = new ArrayList<>();
  List<Field> body;
  String bodyDescription;
  Schema<?> response;
  String responseDescription = "Success: `code` 0, `message` null.";
  final Map<Integer, String> errors = new LinkedHashMap<>();
  final Map<String, String> responseHeaders = new LinkedHashMap<>();
  final Map<String, String> pathVariables = new LinkedHashMap<>();
  Map<String, Object> example;

  Endpoint(String method, List<String> paths) {
    this.method = method;
    this.paths = paths;
  }

  public Endpoint tag(String tag) {
    this.tag = tag;
    return this;
  }

  public Endpoint summary(String summary) {
    this.summary = summary;
    return this;
  }

  /** Markdown, shown under the summary. */
  public Endpoint description(String description) {
    this.description = description;
    return this;
  }

  public Endpoint access(Access access) {
    this.access = access;
    return this;
  }

  public Endpoint query(Field... fields) {
    query.addAll(List.of(fields));
    return this;
  }

  /** The request body's keys; accepted as JSON and as form fields alike. */
  public Endpoint body(List<Field> fields) {
    this.body = List.copyOf(fields);
    return this;
  }

  public Endpoint body(String description, List<Field> fields) {
    this.bodyDescription = description;
    return body(fields);
  }

  /**
   * A request body that works against a sandbox server (ApiDocsMatchAnswersTest sends every one):
   * shown in Swagger UI and in docs/api-reference.md.
   */
  public Endpoint example(Map<String, Object> example) {
    this.example = example;
    return this;
  }

  /**
   * A JSON object for {@link #example}, keys in the order given ({@code Map.of} would change the
   * order from run to run, and with it the generated docs).
   */
  public static Map<String, Object> json(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** What {@code response} holds inside the envelope on success. */
  public Endpoint returns(Schema<?> response) {
    this.response = response;
    return this;
  }

  public Endpoint returns(Schema<?> response, String description) {
    this.responseDescription = description;
    return returns(response);
  }

  /** An HTTP status this endpoint can answer besides success and the defaults of its kind. */
  public Endpoint error(int status, String when) {
    errors.put(status, when);
    return this;
  }

  /** Describes a path variable that {@link PathVariables} does not know. */
  public Endpoint pathVariable(String name, String description) {
    pathVariables.put(name, description);
    return this;
  }

  /** Another success status (e.g. 207 for a multi-get that found only some). */
  public Endpoint alsoAnswers(int status, String when) {
    errors.put(status, when);
    return this;
  }

  public Endpoint header(String name, String description) {
    responseHeaders.put(name, description);
    return this;
  }

  public String method() {
    return method;
  }

  public List<String> paths() {
    return paths;
  }
}
