package io.paycron.subscription;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans and subscriptions (API.md §10). */
@RestController
class SubscriptionController {

  private final PlanService plans;
  private final SubscriptionService subscriptions;
  private final ApiRequests requests;

  SubscriptionController(
      PlanService plans, SubscriptionService subscriptions, ApiRequests requests) {
    this.plans = plans;
    this.subscriptions = subscriptions;
    this.requests = requests;
  }

  /** A plan on the wire: amounts in minor units, the retry policy spelled out. */
  record PlanResponse(
      String plan_id,
      String name,
      long amount,
      String currency,
      String interval,
      int interval_count,
      int trial_days,
      String name_template,
      RetryPolicyResponse retry_policy,
      long created_at) {
    static PlanResponse of(Plan p) {
      return new PlanResponse(
          p.planId(),
          p.name(),
          p.amount().minorUnits(),
          p.amount().currency().getCurrencyCode(),
          p.interval().wire(),
          p.intervalCount(),
          p.trialDays(),
          p.nameTemplate(),
          new RetryPolicyResponse(
              p.dunning().softRetryDays(),
              p.dunning().afterRetries().wire(),
              p.dunning().onHardDecline().wire()),
          p.createdAt() / 1000);
    }
  }

  record RetryPolicyResponse(
      List<Integer> soft_retry_days, String after_retries, String on_hard_decline) {}

  @PostMapping("/paycron/v1/plans")
  Envelope<PlanResponse> createPlan(Merchant merchant, HttpServletRequest http) {
    return Envelope.ok(PlanResponse.of(plans.create(merchant, requests.body(http))));
  }

  @GetMapping("/paycron/v1/plans/{plan_id}")
  Envelope<PlanResponse> plan(Merchant merchant, @PathVariable("plan_id") String planId) {
    return Envelope.ok(PlanResponse.of(plans.get(merchant, planId)));
  }

  @PostMapping("/paycron/v1/subscriptions")
  Envelope<SubscriptionResponse> create(Merchant merchant, HttpServletRequest http) {
    return Envelope.ok(
        SubscriptionResponse.of(subscriptions.create(merchant, requests.body(http))));
  }

  @GetMapping("/paycron/v1/subscriptions")
  Envelope<List<SubscriptionResponse>> ofCustomer(Merchant merchant, HttpServletRequest http) {
    String customerUid = requests.query(http).requiredString("customer_uid");
    return Envelope.ok(
        subscriptions.ofCustomer(merchant, customerUid).stream()
            .map(SubscriptionResponse::of)
            .toList());
  }

  @GetMapping("/paycron/v1/subscriptions/{id}")
  Envelope<SubscriptionResponse> get(Merchant merchant, @PathVariable("id") String id) {
    return Envelope.ok(SubscriptionResponse.of(subscriptions.get(merchant, id)));
  }

  @PutMapping("/paycron/v1/subscriptions/{id}")
  Envelope<SubscriptionResponse> update(
      Merchant merchant, @PathVariable("id") String id, HttpServletRequest http) {
    return Envelope.ok(
        SubscriptionResponse.of(subscriptions.update(merchant, id, requests.body(http))));
  }

  @PostMapping("/paycron/v1/subscriptions/{id}/cancel")
  Envelope<SubscriptionResponse> cancel(
      Merchant merchant, @PathVariable("id") String id, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    boolean atPeriodEnd = request.bool("at_period_end").orElse(false);
    return Envelope.ok(SubscriptionResponse.of(subscriptions.cancel(merchant, id, atPeriodEnd)));
  }

  @PostMapping("/paycron/v1/subscriptions/{id}/pause")
  Envelope<SubscriptionResponse> pause(Merchant merchant, @PathVariable("id") String id) {
    return Envelope.ok(SubscriptionResponse.of(subscriptions.pause(merchant, id)));
  }

  @PostMapping("/paycron/v1/subscriptions/{id}/resume")
  Envelope<SubscriptionResponse> resume(Merchant merchant, @PathVariable("id") String id) {
    return Envelope.ok(SubscriptionResponse.of(subscriptions.resume(merchant, id)));
  }
}
