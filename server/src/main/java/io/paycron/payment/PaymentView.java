package io.paycron.payment;

import java.util.List;

/** A payment with its refunds: everything the V1 Payment object shows. */
record PaymentView(Payment payment, List<Cancellation> cancellations) {}
