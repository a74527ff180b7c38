package io.paycron.gateway;

/**
 * Asks a gateway to turn card data into a reusable billing key.
 *
 * @param customerKey a stable id for the customer at the provider, derived by Paycron
 */
public record BillingKeyRequest(String customerKey, CardData card) {}
