package com.example.merchant;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The subscriptions by customer_uid, in memory like the {@link OrderBook}. Everything that reads a
 * subscription, talks to Paycron and writes the next state holds {@link #lock} for that customer,
 * so two webhooks (or a webhook and the start) never act on the same state twice.
 */
@Component
class Subscriptions {

  private final ConcurrentMap<String, Subscription> byCustomer = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  Object lock(String customerUid) {
    return locks.computeIfAbsent(customerUid, uid -> new Object());
  }

  Optional<Subscription> find(String customerUid) {
    return Optional.ofNullable(byCustomer.get(customerUid));
  }

  void put(Subscription subscription) {
    byCustomer.put(subscription.customerUid(), subscription);
  }
}
