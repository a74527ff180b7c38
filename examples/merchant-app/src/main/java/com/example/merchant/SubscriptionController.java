package com.example.merchant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paycron.client.Card;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts subscriptions and shows them, the order book and the callback counts. */
@RestController
class SubscriptionController {

  /** When the first charge is due if the request does not say. */
  private static final Duration DEFAULT_FIRST_CHARGE_DELAY = Duration.ofSeconds(10);

  /** The body of {@code POST /subscriptions}; {@code first_charge_at} is UNIX seconds. */
  record StartRequest(
      String customerUid,
      String cardNumber,
      String expiry,
      String birth,
      @JsonProperty("pwd_2digit") String pwd2digit,
      BigDecimal amount,
      String name,
      Long firstChargeAt) {}

  /**
   * A subscription as {@code GET /subscriptions/{customer_uid}} shows it; times in UNIX seconds.
   */
  record SubscriptionView(
      String customerUid,
      String status,
      BigDecimal amount,
      String name,
      int sequence,
      int retries,
      String nextMerchantUid,
      Long nextChargeAt,
      String stopReason) {

    static SubscriptionView of(Subscription s) {
      return new SubscriptionView(
          s.customerUid(),
          s.active() ? "active" : "stopped",
          s.amount(),
          s.name(),
          s.sequence(),
          s.retries(),
          s.nextMerchantUid(),
          s.nextChargeAt() == null ? null : s.nextChargeAt().getEpochSecond(),
          s.stopReason());
    }
  }

  /** {@code GET /stats}: what became of the callbacks, and where Paycron sends them. */
  record StatsView(
      long callbacksVerified,
      long callbacksRejected,
      long callbacksDuplicate,
      long callbacksFailed,
      String callbackUrl) {}

  private final SubscriptionService subscriptions;
  private final OrderBook orders;
  private final CallbackStats stats;
  private final CallbackUrl callbackUrl;
  private final Clock clock;

  SubscriptionController(
      SubscriptionService subscriptions,
      OrderBook orders,
      CallbackStats stats,
      CallbackUrl callbackUrl,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.stats = stats;
    this.callbackUrl = callbackUrl;
    this.clock = clock;
  }

  @PostMapping("/subscriptions")
  ResponseEntity<SubscriptionView> start(@RequestBody StartRequest request) {
    require(request.customerUid(), "customer_uid");
    require(request.cardNumber(), "card_number");
    require(request.expiry(), "expiry");
    if (request.amount() == null || request.amount().signum() <= 0) {
      throw new IllegalArgumentException("amount: must be positive");
    }
    Instant now = clock.instant();
    Instant firstChargeAt =
        request.firstChargeAt() == null
            ? now.plus(DEFAULT_FIRST_CHARGE_DELAY)
            : Instant.ofEpochSecond(request.firstChargeAt());
    // checked before the card is stored: Paycron would refuse the schedule only after that
    if (!firstChargeAt.isAfter(now)) {
      throw new IllegalArgumentException("first_charge_at: must be in the future");
    }
    Card card =
        Card.of(request.cardNumber(), request.expiry(), request.birth(), request.pwd2digit());
    String name = request.name() == null ? "Subscription" : request.name();
    Subscription started =
        subscriptions.start(request.customerUid(), card, request.amount(), name, firstChargeAt);
    return ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionView.of(started));
  }

  @GetMapping("/subscriptions/{customerUid}")
  ResponseEntity<SubscriptionView> subscription(@PathVariable String customerUid) {
    return ResponseEntity.of(subscriptions.find(customerUid).map(SubscriptionView::of));
  }

  @GetMapping("/orders")
  List<Order> orders() {
    return orders.all();
  }

  @GetMapping("/stats")
  StatsView stats() {
    CallbackStats.Snapshot counts = stats.snapshot();
    return new StatsView(
        counts.verified(),
        counts.rejected(),
        counts.duplicates(),
        counts.failed(),
        callbackUrl.get());
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
  }
}
