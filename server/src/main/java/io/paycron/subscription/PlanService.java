package io.paycron.subscription;

import io.paycron.gateway.Money;
import io.paycron.merchant.Merchant;
import io.paycron.payment.ChargeInput;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Creates and reads plans; a plan is immutable once created. */
@Service
class PlanService {

  static final String NOT_FOUND = "plan not found";
  private static final int MAX_TRIAL_DAYS = 730;
  private static final int MAX_NAME = 200;

  private final PlanRepository plans;
  private final Clock clock;

  PlanService(PlanRepository plans, Clock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  Plan create(Merchant merchant, ApiRequest request) {
    String planId = ChargeInput.identifier(request, "plan_id");
    String name = text(request, "name", true).orElseThrow();
    Money amount = request.requiredPositiveMoney("amount", request.currency("currency"));
    String intervalText = request.requiredString("interval");
    BillingInterval interval =
        BillingInterval.parse(intervalText)
            .orElseThrow(
                () ->
                    new ApiException.InvalidRequest(
                        "interval: must be day, week, month or year, got " + intervalText));
    int count = request.integer("interval_count").orElse(1);
    if (count <= 0 || count > interval.maxCount) {
      throw new ApiException.InvalidRequest(
          "interval_count: must be between 1 and "
              + interval.maxCount
              + " for interval "
              + interval.wire()
              + ", got "
              + count);
    }
    int trialDays = request.integer("trial_days").orElse(0);
    if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
      throw new ApiException.InvalidRequest(
          "trial_days: must be between 0 and " + MAX_TRIAL_DAYS + ", got " + trialDays);
    }
    String template = text(request, "name_template", false).orElse(Plan.DEFAULT_NAME_TEMPLATE);
    DunningPolicy dunning =
        request.object("retry_policy").map(PlanService::dunning).orElse(DunningPolicy.DEFAULT);
    Plan plan =
        new Plan(
            merchant.id(),
            planId,
            name,
            amount,
            interval,
            count,
            trialDays,
            template,
            dunning,
            clock.millis());
    if (!plans.insert(plan)) {
      throw new ApiException.Conflict(
          "plan_id: plan "
              + planId
              + " exists; plans do not change (create a new plan and move subscriptions to it)");
    }
    return plan;
  }

  Plan get(Merchant merchant, String planId) {
    return plans
        .find(merchant.id(), planId)
        .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
  }

  /** A plan a subscription names; unknown is the caller's mistake (400), not a missing page. */
  Plan named(Merchant merchant, String planId) {
    return plans
        .find(merchant.id(), planId)
        .orElseThrow(
            () -> new ApiException.InvalidRequest("plan_id: no plan " + planId + " exists"));
  }

  private static DunningPolicy dunning(ApiRequest policy) {
    List<Integer> days = new ArrayList<>(DunningPolicy.DEFAULT.softRetryDays());
    if (policy.has("soft_retry_days")) {
      days = new ArrayList<>();
      for (String day : policy.strings("soft_retry_days")) {
        days.add(retryDay(day));
      }
    }
    if (days.size() > DunningPolicy.MAX_RETRIES) {
      throw new ApiException.InvalidRequest(
          "retry_policy.soft_retry_days: at most " + DunningPolicy.MAX_RETRIES + " retries");
    }
    for (int i = 1; i < days.size(); i++) {
      if (days.get(i) <= days.get(i - 1)) {
        throw new ApiException.InvalidRequest(
            "retry_policy.soft_retry_days: days must increase, e.g. [1, 3, 5, 7]");
      }
    }
    return new DunningPolicy(
        days,
        endState(policy, "after_retries", DunningPolicy.DEFAULT.afterRetries()),
        endState(policy, "on_hard_decline", DunningPolicy.DEFAULT.onHardDecline()));
  }

  private static int retryDay(String text) {
    try {
      int day = Integer.parseInt(text.trim());
      if (day >= 1 && day <= DunningPolicy.MAX_RETRY_DAY) {
        return day;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ApiException.InvalidRequest(
        "retry_policy.soft_retry_days: each must be a whole number of days from 1 to "
            + DunningPolicy.MAX_RETRY_DAY
            + ", got "
            + text);
  }

  private static SubscriptionStatus endState(
      ApiRequest policy, String field, SubscriptionStatus fallback) {
    Optional<String> wire = policy.string(field);
    if (wire.isEmpty()) {
      return fallback;
    }
    return SubscriptionStatus.parse(wire.get())
        .filter(DunningPolicy::isEndState)
        .orElseThrow(
            () ->
                new ApiException.InvalidRequest(
                    "retry_policy."
                        + field
                        + ": must be past_due, unpaid or canceled, got "
                        + wire.get()));
  }

  private static Optional<String> text(ApiRequest request, String field, boolean required) {
    Optional<String> value = request.string(field).filter(s -> !s.isBlank());
    if (required && value.isEmpty()) {
      throw new ApiException.InvalidRequest(field + ": is required");
    }
    if (value.isPresent() && value.get().length() > MAX_NAME) {
      throw new ApiException.InvalidRequest(
          field + ": must be at most " + MAX_NAME + " characters");
    }
    return value;
  }
}
