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
            (status, when) ->
                responses.addApiResponse(String.valueOf(status), errorResponse(status, when)));
    return responses;
  }

  /** The statuses an endpoint of this kind can answer, then its own (which may reword them). */
  static Map<Integer, String> errorsOf(Endpoint endpoint) {
    Map<Integer, String> errors = new TreeMap<>();
    boolean reads = endpoint.body != null || !endpoint.query.isEmpty();
    if (reads || VARIABLE.matcher(String.join("", endpoint.paths)).find()) {
      errors.put(400, "Malformed parameters: a missing field or a value of the wrong type.");
    }
    switch (endpoint.access) {
      case PUBLIC -> {}
      case MERCHANT -> errors.put(401, "Missing, unknown or expired access token.");
      case ADMIN -> {
        errors.put(401, "Missing or wrong admin token.");
        errors.put(403, "The admin API is disabled: `PAYCRON_ADMIN_TOKEN` is not set.");
        errors.put(429, "Too many wrong admin tokens from this address (see `Retry-After`).");
      }
    }
    errors.put(405, "The route exists, but not with this method.");
    if (endpoint.body != null) {
      errors.put(413, "The request body is larger than 1 MiB.");
      errors.put(415, "The body is neither JSON nor form-encoded.");
    }
    errors.put(503, "The database is unavailable for a moment; retry after `Retry-After` seconds.");
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
