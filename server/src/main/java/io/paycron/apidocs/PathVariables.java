package io.paycron.apidocs;

import java.util.Map;

/** What the path variables shared by several endpoints mean, so each is explained once. */
final class PathVariables {

  private static final Map<String, String> MEANINGS =
      Map.ofEntries(
          Map.entry("customer_uid", "The merchant's name for one stored card (billing key)."),
          Map.entry("merchant_uid", "The merchant's order id of the payment or schedule."),
          Map.entry("imp_uid", "Paycron's payment id (`imps_` + 12 digits)."),
          Map.entry("event_id", "A webhook event's id (`webhook-id` header of its deliveries)."),
          Map.entry("plan_id", "The merchant's id of the plan."),
          Map.entry("merchant_id", "Paycron's id of the merchant."),
          Map.entry("imp_key", "The API key to revoke."),
          Map.entry(
              "pg",
              "Gateway name: `sandbox`, `tosspayments`, `portone_v2`, optionally with `.{mid}`."));

  private PathVariables() {}

  /** The meaning, or null when the endpoint must describe the variable itself. */
  static String describe(String name) {
    return MEANINGS.get(name);
  }
}
