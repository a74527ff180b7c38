package io.paycron.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@link Endpoint} into an OpenAPI operation: the envelope around the answer, a JSON and a
 * form variant of the body, path parameters, security and the error statuses every endpoint of its
 * kind shares (API.md §1 and §12).
 */
final class Operations {

  static final String ERROR_ENVELOPE = "ErrorEnvelope";
  static final String MERCHANT_TOKEN = "merchantToken";
  static final String IMP_TOKEN_HEADER = "impTokenHeader";
  static final String ADMIN_TOKEN = "adminToken";

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private Operations() {}

  static Operation toOperation(Endpoint endpoint, String path) {
    if (endpoint.tag == null || endpoint.summary == null || endpoint.response == null) {
      throw new IllegalStateException(
          endpoint.method + " " + path + ": a tag, a summary and returns(…) are required");
    }
    Operation operation =
        new Operation()
            .operationId(operationId(endpoint.method, path))
            .summary(endpoint.summary)
            .description(endpoint.description)
            .addTagsItem(endpoint.tag);
    Matcher variables = VARIABLE.matcher(path);
    while (variables.find()) {
      String name = variables.group(1);
      String description = endpoint.pathVariables.getOrDefault(name, PathVariables.describe(name));
      if (description == null) {
        throw new IllegalStateException(
            endpoint.method + " " + path + ": describe {" + name + "} with pathVariable(…)");
      }
      operation.addParametersItem(
          new Parameter()
              .in("path")
              .name(name)
              .required(true)
              .description(description)
              .schema(Types.string(description)));
    }
    for (Field field : endpoint.query) {
      operation.addParametersItem(
          new Parameter()
              .in("query")
              .name(field.name())
              .required(field.required())
              .description(field.schema().getDescription())
              .schema(field.schema()));
    }
    if (endpoint.body != null) {
      operation.requestBody(requestBody(endpoint));
    }
    operation.security(security(endpoint.access));
    operation.responses(responses(endpoint));
    return operation;
  }

  private static RequestBody requestBody(Endpoint endpoint) {
    Schema<?> schema = Types.object(endpoint.bodyDescription, endpoint.body);
    boolean anyRequired = endpoint.body.stream().anyMatch(Field::required);
    MediaType json = new MediaType().schema(schema);
    if (endpoint.example != null) {
      json.example(endpoint.example); // an explicit null would be written as "example": null
    }
    return new RequestBody()
        .required(anyRequired)
        .description(
            "JSON or form-encoded with the same keys (form bodies may nest:"
                + " `schedules[0][merchant_uid]=…`). A JSON `null` means absent; unknown keys are"
                + " ignored.")
        .content(
            new Content()
                .addMediaType("application/json", json)
                .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(schema)));
  }

  private static List<SecurityRequirement> security(Access access) {
    return switch (access) {
      case PUBLIC -> List.of();
      case MERCHANT ->
          List.of(
              new SecurityRequirement().addList(MERCHANT_TOKEN),
              new SecurityRequirement().addList(IMP_TOKEN_HEADER));
      case ADMIN -> List.of(new SecurityRequirement().addList(ADMIN_TOKEN));
    };
  }

  private static ApiResponses responses(Endpoint endpoint) {
    ApiResponse ok =
        new ApiResponse()
            .description(endpoint.responseDescription)
            .content(json(envelope(endpoint.response)));
    endpoint.responseHeaders.forEach(
        (name, description) ->
            ok.addHeaderObject(
                name, new Header().description(description).schema(Types.string(description))));
    ApiResponses responses = new ApiResponses().addApiResponse("200", ok);
    errorsOf(endpoint)
        .forEach(
            (status, when) -> {
              ApiResponse answer;
              if (status < 300) { // e.g. 207: some of a multi-get found
                answer = new ApiResponse().description(when).content(ok.getContent());
              } else if (SHARED_ANSWERS.containsKey(when)) {
                answer = new ApiResponse().$ref(RESPONSES + SHARED_ANSWERS.get(when));
              } else {
                answer = errorResponse(status, when);
              }
              responses.addApiResponse(String.valueOf(status), answer);
            });
    return responses;
  }

  /** The error answers many endpoints share, in {@code components/responses}, by name. */
  static Map<String, ApiResponse> sharedResponses() {
    Map<String, ApiResponse> shared = new java.util.LinkedHashMap<>();
    SHARED_STATUSES.forEach(
        (when, status) -> shared.put(SHARED_ANSWERS.get(when), errorResponse(status, when)));
    return shared;
  }

  private static final String RESPONSES = "#/components/responses/";
  private static final String BAD_REQUEST =
      "Malformed parameters: a missing field or a value of the wrong type.";
  private static final String UNAUTHORIZED = "Missing, unknown or expired access token.";
  private static final String ADMIN_UNAUTHORIZED = "Missing or wrong admin token.";
  private static final String ADMIN_DISABLED =
      "The admin API is disabled: `PAYCRON_ADMIN_TOKEN` is not set.";
  private static final String ADMIN_THROTTLED =
      "Too many wrong admin tokens from this address (see `Retry-After`).";
  private static final String METHOD_NOT_ALLOWED = "The route exists, but not with this method.";
  private static final String TOO_LARGE = "The request body is larger than 1 MiB.";
  private static final String UNSUPPORTED_TYPE = "The body is neither JSON nor form-encoded.";
  private static final String DATABASE_UNAVAILABLE =
      "The database is unavailable for a moment; retry after `Retry-After` seconds.";

  /** Shared answer text → its name in components/responses. */
  private static final Map<String, String> SHARED_ANSWERS =
      Map.of(
          BAD_REQUEST, "BadRequest",
          UNAUTHORIZED, "Unauthorized",
          ADMIN_UNAUTHORIZED, "AdminUnauthorized",
          ADMIN_DISABLED, "AdminDisabled",
          ADMIN_THROTTLED, "AdminTooManyRequests",
          METHOD_NOT_ALLOWED, "MethodNotAllowed",
          TOO_LARGE, "ContentTooLarge",
          UNSUPPORTED_TYPE, "UnsupportedMediaType",
          DATABASE_UNAVAILABLE, "DatabaseUnavailable");

  /** Shared answer text → its status, in a fixed order (components are written in it). */
  private static final Map<String, Integer> SHARED_STATUSES = sharedStatuses();

  private static Map<String, Integer> sharedStatuses() {
    Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
    statuses.put(BAD_REQUEST, 400);
    statuses.put(UNAUTHORIZED, 401);
    statuses.put(ADMIN_UNAUTHORIZED, 401);
    statuses.put(ADMIN_DISABLED, 403);
    statuses.put(METHOD_NOT_ALLOWED, 405);
    statuses.put(TOO_LARGE, 413);
    statuses.put(UNSUPPORTED_TYPE, 415);
    statuses.put(ADMIN_THROTTLED, 429);
    statuses.put(DATABASE_UNAVAILABLE, 503);
    return statuses;
  }

  /** The statuses an endpoint of this kind can answer, then its own (which may reword them). */
  static Map<Integer, String> errorsOf(Endpoint endpoint) {
    Map<Integer, String> errors = new TreeMap<>();
    boolean reads = endpoint.body != null || !endpoint.query.isEmpty();
    if (reads || VARIABLE.matcher(String.join("", endpoint.paths)).find()) {
      errors.put(400, BAD_REQUEST);
    }
    switch (endpoint.access) {
      case PUBLIC -> {}
      case MERCHANT -> errors.put(401, UNAUTHORIZED);
      case ADMIN -> {
        errors.put(401, ADMIN_UNAUTHORIZED);
        errors.put(403, ADMIN_DISABLED);
        errors.put(429, ADMIN_THROTTLED);
      }
    }
    errors.put(405, METHOD_NOT_ALLOWED);
    if (endpoint.body != null) {
      errors.put(413, TOO_LARGE);
      errors.put(415, UNSUPPORTED_TYPE);
    }
    errors.put(503, DATABASE_UNAVAILABLE);
    errors.putAll(endpoint.errors);
    return errors;
  }

  private static ApiResponse errorResponse(int status, String when) {
    ApiResponse response =
        new ApiResponse().description(when).content(json(Types.ref(ERROR_ENVELOPE)));
    if (status == 429 || status == 503) {
      response.addHeaderObject(
          "Retry-After",
          new Header()
              .description("Seconds to wait before asking again.")
              .schema(Types.int32("seconds")));
    }
    return response;
  }

  /** {@code {code, message, response}} with {@code response} of the given schema. */
  static Schema<?> envelope(Schema<?> response) {
    ObjectSchema envelope = new ObjectSchema();
    envelope.addProperty(
        "code",
        Types.int32(
            "0 on success; 1 or -1 when the request was refused (the message says why, see the"
                + " status matrix in the description)"));
    envelope.addProperty(
        "message", Types.nullable(Types.string("null on success, otherwise what was wrong")));
    envelope.addProperty("response", response);
    envelope.required(List.of("code", "message", "response"));
    return envelope;
  }

  static Content json(Schema<?> schema) {
    return new Content().addMediaType("application/json", new MediaType().schema(schema));
  }

  /** {@code GET /payments/find/{merchant_uid}} → {@code getPaymentsFindByMerchantUid}. */
  static String operationId(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase());
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      Matcher variable = VARIABLE.matcher(segment);
      String word = variable.matches() ? "by_" + variable.group(1) : segment;
      for (String part : word.split("[_\\-]")) {
        if (!part.isEmpty()) {
          id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
      }
    }
    return id.toString();
  }
}
