/**
 * The OpenAPI document ({@code GET /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}).
 *
 * <p>Controllers read i'mport's JSON-or-form bodies themselves, so the document is written here
 * rather than scanned. Each feature has an {@link io.paycron.apidocs.EndpointDocs} bean; to
 * document a new endpoint add a block to its feature's class (or a new {@code @Component} class
 * implementing {@code EndpointDocs}):
 *
 * <pre>{@code
 * docs.post("/paycron/v1/webhook_endpoints")
 *     .tag(PaycronWebhookDocs.TAG)
 *     .summary("Add a webhook endpoint")
 *     .body(List.of(required("url", string("Where to send")), optional("enabled", bool("…"))))
 *     .returns(ref(docs.schema("WebhookEndpoint", Types.object("…", List.of(key(…), …)))))
 *     .error(404, "No such endpoint.");
 * }</pre>
 *
 * The envelope, the JSON and form variants of the body, path parameters, security and the error
 * statuses every endpoint shares are added by {@code Operations}. {@code ApiDocsCompletenessTest}
 * fails for a served route without documentation; then regenerate docs/api-reference.md and
 * docs/openapi.json with {@code ./mvnw -pl server test -Dtest=ApiReferenceTest
 * -Dpaycron.docs.write=true}.
 */
package io.paycron.apidocs;
