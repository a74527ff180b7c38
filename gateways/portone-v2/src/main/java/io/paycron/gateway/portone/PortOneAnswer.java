package io.paycron.gateway.portone;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One HTTP answer from PortOne.
 *
 * @param body the parsed JSON body, or null when the body was empty or not JSON
 */
record PortOneAnswer(int status, JsonNode body) {

  /** A field of the body; a missing node when there is no such field or no JSON body. */
  JsonNode path(String field) {
    return body == null ? MissingNode.getInstance() : body.path(field);
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** A 4xx with PortOne's error shape {@code {type, message}}: PortOne looked at the request. */
  boolean isClientError() {
    return status >= 400 && status < 500 && errorType() != null;
  }

  /** PortOne's error type, e.g. {@code PAYMENT_NOT_FOUND}, or null. */
  String errorType() {
    return isSuccess() ? null : Json.text(body, "type");
  }

  String errorMessage() {
    return Json.text(body, "message");
  }

  boolean isError(String type) {
    return type.equals(errorType());
  }

  /** What the answer was, for an Unknown or Unavailable reason: never the body itself. */
  String describe() {
    String type = errorType();
    return "HTTP " + status + (type == null ? "" : " " + type);
  }
}
