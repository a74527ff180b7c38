package io.paycron.subscription;

import io.paycron.gateway.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlanRepository {

  private final JdbcClient jdbc;

  PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the merchant has a plan with this id already. */
  boolean insert(Plan plan) {
    return jdbc.sql(
                """
                INSERT INTO plans (merchant_id, plan_id, name, amount, currency, interval_unit,
                    interval_count, trial_days, name_template, soft_retry_days, after_retries,
                    on_hard_decline, created_at)
                VALUES (:merchant, :id, :name, :amount, :currency, :unit, :count, :trial,
                    :template, :days, :after, :hard, :created)
                ON CONFLICT (merchant_id, plan_id) DO NOTHING""")
            .param("merchant", plan.merchantId())
            .param("id", plan.planId())
            .param("name", plan.name())
            .param("amount", plan.amount().minorUnits())
            .param("currency", plan.amount().currency().getCurrencyCode())
            .param("unit", plan.interval().name())
            .param("count", plan.intervalCount())
            .param("trial", plan.trialDays())
            .param("template", plan.nameTemplate())
            .param("days", plan.dunning().softRetryDaysText())
            .param("after", plan.dunning().afterRetries().name())
            .param("hard", plan.dunning().onHardDecline().name())
            .param("created", plan.createdAt())
            .update()
        == 1;
  }

  Optional<Plan> find(String merchantId, String planId) {
    return jdbc.sql("SELECT * FROM plans WHERE merchant_id = :merchant AND plan_id = :id")
        .param("merchant", merchantId)
        .param("id", planId)
        .query(PlanRepository::map)
        .optional();
  }

  private static Plan map(ResultSet rs, int row) throws SQLException {
    return new Plan(
        rs.getString("merchant_id"),
        rs.getString("plan_id"),
        rs.getString("name"),
        Money.of(rs.getLong("amount"), Currency.getInstance(rs.getString("currency"))),
        BillingInterval.valueOf(rs.getString("interval_unit")),
        rs.getInt("interval_count"),
        rs.getInt("trial_days"),
        rs.getString("name_template"),
        new DunningPolicy(
            DunningPolicy.parseDays(rs.getString("soft_retry_days")),
            SubscriptionStatus.valueOf(rs.getString("after_retries")),
            SubscriptionStatus.valueOf(rs.getString("on_hard_decline"))),
        rs.getLong("created_at"));
  }
}
