package io.paycron.customer;

import io.paycron.gateway.CardInfo;

/** A stored card: the gateway's token and what may be shown. Never the number itself. */
public record BillingKey(
    String merchantId,
    String customerUid,
    String pgProvider,
    String pgId,
    String gatewayToken,
    CardInfo card,
    CustomerDetails customer,
    long insertedAt,
    long updatedAt) {}
