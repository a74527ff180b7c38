package io.paycron.apidocs;

import static io.paycron.apidocs.Field.key;
import static io.paycron.apidocs.Field.optional;
import static io.paycron.apidocs.Field.required;
import static io.paycron.apidocs.Types.arrayOf;
import static io.paycron.apidocs.Types.bool;
import static io.paycron.apidocs.Types.int32;
import static io.paycron.apidocs.Types.nullable;
import static io.paycron.apidocs.Types.oneOf;
import static io.paycron.apidocs.Types.ref;
import static io.paycron.apidocs.Types.seconds;
import static io.paycron.apidocs.Types.string;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The operators' API under {@code /paycron/admin/v1} (API.md §10, §12). */
@Component
@Order(20)
class AdminDocs implements EndpointDocs {

  private static final String NO_MERCHANT = "No such merchant.";

  @Override
  public void describe(ApiDocs docs) {
    merchants(docs);
    gateways(docs);
  }

  private static void merchants(ApiDocs docs) {
    String tag =
        docs.tag(
            "Admin: merchants",
            "Operators (`PAYCRON_ADMIN_TOKEN`): merchants and their API keys. A secret is shown"
                + " only in the answer that creates it.");
    String credentials =
        docs.schema(
            "MerchantCredentials",
            Types.object(
                "A new API key pair; `imp_secret` is never shown again.",
                List.of(
                    key("merchant_id", string("Paycron's id of the merchant")),
                    key("imp_key", string("API key for getToken")),
                    key("imp_secret", string("API secret for getToken (shown once)")))));
    String apiKey =
        docs.schema(
            "ApiKey",
            Types.object(
                "An API key, without its secret.",
                List.of(
                    key("imp_key", string("The key")),
                    key("created_at", seconds("When it was made")),
                    key("revoked_at", seconds("When it was revoked")))));
    String merchant =
        docs.schema(
            "MerchantAccount",
            Types.object(
                "A merchant.",
                List.of(
                    key("merchant_id", string("Paycron's id")),
                    key("name", string("Display name")),
                    key("sandbox", bool("Whether it charges through the sandbox gateway")),
                    key("created_at", seconds("When it was created")),
                    key("keys", arrayOf(ref(apiKey), "Its API keys")))));
    docs.post("/paycron/admin/v1/merchants")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Create a merchant")
        .body(List.of(required("name", string("Display name, 1 to 200 characters"))))
        .returns(ref(credentials));
    docs.get("/paycron/admin/v1/merchants/{merchant_id}")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Get a merchant and its keys")
        .returns(ref(merchant))
        .error(404, NO_MERCHANT);
    docs.post("/paycron/admin/v1/merchants/{merchant_id}/keys")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Add an API key pair")
        .description("No request body.")
        .returns(ref(credentials))
        .error(404, NO_MERCHANT);
    docs.delete("/paycron/admin/v1/merchants/{merchant_id}/keys/{imp_key}")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Revoke an API key")
        .returns(ref(apiKey))
        .error(404, "No such merchant or no active key of this name.");
    docs.delete("/paycron/admin/v1/merchants/{merchant_id}/tokens")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Revoke all of a merchant's access tokens")
        .returns(
            Types.object(
                "How many tokens were revoked.",
                List.of(
                    key("merchant_id", string("The merchant")),
                    key("revoked_tokens", int32("Tokens revoked")))))
        .error(404, NO_MERCHANT);
  }

  private static void gateways(ApiDocs docs) {
    String tag =
        docs.tag(
            "Admin: gateways",
            "Operators: a merchant's card gateways. Credentials are encrypted at rest and never"
                + " answered.");
    String gateway =
        docs.schema(
            "GatewayConfig",
            Types.object(
                "A gateway configuration, without credentials.",
                List.of(
                    key("pg", string("Its name, `provider` or `provider.mid`")),
                    key("provider", oneOf("Provider", "sandbox", "tosspayments", "portone_v2")),
                    key("base_url", nullable(string("Provider URL; null = its default"))),
                    key("default", bool("Used when a request names no `pg`")),
                    key("created_at", seconds("When it was created")),
                    key("updated_at", seconds("When it last changed")))));
    docs.put("/paycron/admin/v1/merchants/{merchant_id}/gateways/{pg}")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Configure a gateway")
        .body(
            List.of(
                required("provider", oneOf("Provider", "sandbox", "tosspayments", "portone_v2")),
                optional(
                    "base_url",
                    string("The provider's API URL (e.g. its test environment); default its own")),
                optional(
                    "credentials",
                    Types.freeObject(
                        "tosspayments: `secret_key`; portone_v2: `api_secret`, `store_id`,"
                            + " `channel_key`")),
                optional("default", bool("Make it the merchant's default (default false)"))))
        .returns(ref(gateway))
        .error(404, NO_MERCHANT);
    docs.get("/paycron/admin/v1/merchants/{merchant_id}/gateways")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("List a merchant's gateways")
        .returns(arrayOf(ref(gateway), "Its gateway configurations"))
        .error(404, NO_MERCHANT);
    docs.delete("/paycron/admin/v1/merchants/{merchant_id}/gateways/{pg}")
        .tag(tag)
        .access(Access.ADMIN)
        .summary("Remove a gateway configuration")
        .returns(
            Types.object("What was removed.", List.of(key("pg", string("The removed gateway")))))
        .error(404, "No such merchant or gateway configuration.");
  }
}
