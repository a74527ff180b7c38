package io.paycron.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CancelOutcome;
import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import org.junit.jupiter.api.Test;

/** The {@code outcome} label of {@code paycron_gateway_latency_seconds}: the result's kind. */
class GatewayMetricsTest {

  @Test
  void theOutcomeIsTheResultsKindInSnakeCase() {
    assertThat(GatewayMetrics.outcomeOf(new ChargeOutcome.Approved("t", "a")))
        .isEqualTo("approved");
    assertThat(GatewayMetrics.outcomeOf(new ChargeOutcome.Unknown("timeout"))).isEqualTo("unknown");
    assertThat(GatewayMetrics.outcomeOf(new ChargeLookup.NotFound())).isEqualTo("not_found");
    assertThat(GatewayMetrics.outcomeOf(new CancelOutcome.Cancelled("c"))).isEqualTo("cancelled");
    assertThat(GatewayMetrics.outcomeOf(new BillingKeyResult.Refused("x", "y")))
        .isEqualTo("refused");
    assertThat(GatewayMetrics.outcomeOf(null)).isEqualTo("ok");
  }
}
