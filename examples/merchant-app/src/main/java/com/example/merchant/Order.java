package com.example.merchant;

import io.paycron.client.Payment;
import java.math.BigDecimal;

/**
 * A paid charge in the order book, as Paycron reported it when re-queried.
 *
 * @param paidAt UNIX seconds, as on Paycron's wire
 */
record Order(String merchantUid, String impUid, String status, BigDecimal amount, long paidAt) {

  static Order of(Payment payment) {
    return new Order(
        payment.merchantUid(),
        payment.impUid(),
        payment.status().wire(),
        payment.amount(),
        payment.paidAt() == null ? 0 : payment.paidAt().getEpochSecond());
  }
}
