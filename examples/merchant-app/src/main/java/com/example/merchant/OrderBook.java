package com.example.merchant;

import io.paycron.client.Payment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The paid orders, in the order they were paid. In memory, to keep the example short; a real
 * merchant keeps them in its database, in the same transaction as the subscription's state.
 */
@Component
class OrderBook {

  private final Map<String, Order> byMerchantUid = new LinkedHashMap<>();

  /**
   * Saves a paid charge once: a webhook processed again after a failure saves nothing new.
   *
   * @return whether it was new
   */
  synchronized boolean save(Payment payment) {
    return byMerchantUid.putIfAbsent(payment.merchantUid(), Order.of(payment)) == null;
  }

  synchronized List<Order> all() {
    return List.copyOf(byMerchantUid.values());
  }
}
