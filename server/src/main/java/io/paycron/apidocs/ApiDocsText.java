package io.paycron.apidocs;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;

/** The document's introduction and the error envelope: the rules every endpoint shares. */
final class ApiDocsText {

  private ApiDocsText() {}

  static final String INTRODUCTION =
      """
      Paycron speaks the i'mport (PortOne V1) REST API for billing keys, scheduled and \
      non-authenticated card payments, payment lookup and cancellation: code written for \
      `https://api.iamport.kr` works by changing the base URL. Paycron's own additions live \
      under `/paycron/v1/…`, the operators' API under `/paycron/admin/v1/…`.

      **Envelope.** Every answer is `{"code": int, "message": string|null, "response": …}`. \
      Success is HTTP 200 with `code` 0 and `message` null. A request the business rules refuse \
      (e.g. `이미 결제 완료된 merchant_uid입니다.`) is HTTP 200 with `code` 1 or -1 and a message; \
      a declined card charge is `code` 0 with a Payment in `status: "failed"`.

      **Requests.** Bodies are JSON or `application/x-www-form-urlencoded` with the same keys; a \
      JSON `null` means absent, unknown keys are ignored, values of the wrong type are refused \
      with 400. Array query parameters are sent as `imp_uid[]=a&imp_uid[]=b`. Every route also \
      matches with a trailing slash.

      **Values.** Keys are snake_case; times are integer UNIX seconds, `0` for something that \
      did not happen; amounts are JSON numbers in the currency's unit (KRW has no minor unit), \
      currency KRW unless given. Card numbers are answered masked only (`42424242****4242`); \
      card number, birth date and password are never stored.

      **Authentication.** Every merchant endpoint but `POST /users/getToken` needs the access \
      token it returns, as `Authorization: <token>`, `Authorization: Bearer <token>` or \
      `X-ImpTokenHeader: <token>`. Missing, unknown or expired → HTTP 401, \
      `{"code": -1, "message": "Unauthorized"}`. The admin API takes only \
      `Authorization: Bearer <PAYCRON_ADMIN_TOKEN>`.

      **Errors.** Every error is the envelope too, with `response` null: 400 malformed \
      parameters (the message names the field), 401, 404 not found (another merchant's object \
      looks exactly like a missing one), 405 wrong method, 409 conflict, 413 body over 1 MiB, \
      415 unsupported content type, 429 too many requests (`Retry-After`), 503 database \
      briefly unavailable (`Retry-After`). No request gives a 500 with a stack trace.
      """;

  static Schema<?> errorEnvelope() {
    return Types.object(
        "An error: the envelope with a non-zero code and no response.",
        List.of(
            Field.key(
                "code", Types.int32("1 (refused, not found, malformed) or -1 (auth, limits)")),
            Field.key("message", Types.string("What was wrong, naming the field where one is")),
            Field.key("response", Types.nullable(Types.freeObject("Always null")))));
  }
}
