package io.paycron.connector;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.CancelRequest;
import io.paycron.gateway.CardGateway;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.ChargeRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code paycron_gateway_latency_seconds{provider,operation,outcome}}: every call a connector makes
 * to a card network, timed in one place. {@link Gateways} hands out connectors only through {@link
 * #metered}, so charges, lookups, refunds and billing keys of every feature are measured without
 * any of them knowing.
 */
@Component
class GatewayMetrics {

  static final String LATENCY = "paycron.gateway.latency";

  /** Buckets from a fast sandbox answer to a call that hit the gateway timeout. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(25),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;

  GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The connector, with each call timed. */
  CardGateway metered(CardGateway gateway) {
    return gateway instanceof Metered ? gateway : new Metered(gateway);
  }

  /**
   * The outcome label: the result's kind in snake case ({@code approved}, {@code declined}, {@code
   * unknown}, {@code not_found}, {@code cancelled} …), {@code error} for a thrown exception.
   */
  static String outcomeOf(Object result) {
    if (result == null) {
      return "ok";
    }
    return result.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
  }

  private <T> T time(String provider, String operation, Supplier<T> call) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      T result = call.get();
      outcome = outcomeOf(result);
      return result;
    } finally {
      sample.stop(
          Timer.builder(LATENCY)
              .description("Time a card gateway call took, by provider, operation and outcome")
              .tags("provider", provider, "operation", operation, "outcome", outcome)
              .serviceLevelObjectives(BUCKETS)
              .register(registry));
    }
  }

  /** The decorator: the same connector, every call timed. */
  private final class Metered implements CardGateway {
    private final CardGateway gateway;

    Metered(CardGateway gateway) {
      this.gateway = gateway;
    }

    @Override
    public String provider() {
      return gateway.provider();
    }

    @Override
    public BillingKeyResult issueBillingKey(BillingKeyRequest request) {
      return time(provider(), "issue_billing_key", () -> gateway.issueBillingKey(request));
    }

    @Override
    public void deleteBillingKey(String billingKeyToken) {
      time(
          provider(),
          "delete_billing_key",
          () -> {
            gateway.deleteBillingKey(billingKeyToken);
            return null;
          });
    }

    @Override
    public ChargeOutcome charge(ChargeRequest request) {
      return time(provider(), "charge", () -> gateway.charge(request));
    }

    @Override
    public ChargeLookup lookupCharge(String idempotencyKey) {
      return time(provider(), "lookup_charge", () -> gateway.lookupCharge(idempotencyKey));
    }

    @Override
    public CancelOutcome cancel(CancelRequest request) {
      return time(provider(), "cancel", () -> gateway.cancel(request));
    }
  }
}
