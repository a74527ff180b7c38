package io.paycron.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.ChargeLookup;
import io.paycron.gateway.ChargeOutcome;
import io.paycron.gateway.DeclineClass;
import org.junit.jupiter.api.Test;

class AttemptStateTest {

  @Test
  void unknownOutcomesLeaveThePaymentReadyNeverFailed() {
    AttemptState state = AttemptState.of(new ChargeOutcome.Unknown("gateway_timeout"));
    assertThat(state).isEqualTo(AttemptState.UNKNOWN);
    assertThat(state.paymentStatus()).isEqualTo(PaymentStatus.READY);
    assertThat(state.isSettled()).isFalse();
  }

  @Test
  void convertsEveryGatewayAnswer() {
    assertThat(AttemptState.of(new ChargeOutcome.Approved("tx", "123")).paymentStatus())
        .isEqualTo(PaymentStatus.PAID);
    assertThat(
            AttemptState.of(new ChargeOutcome.Declined("stolen_card", "x", DeclineClass.HARD))
                .paymentStatus())
        .isEqualTo(PaymentStatus.FAILED);
    assertThat(AttemptState.of(new ChargeLookup.NotFound())).isEqualTo(AttemptState.NOT_CHARGED);
    assertThat(AttemptState.NOT_CHARGED.paymentStatus()).isEqualTo(PaymentStatus.FAILED);
    assertThat(AttemptState.of(new ChargeLookup.Unavailable("down")))
        .isEqualTo(AttemptState.UNKNOWN);
  }

  @Test
  void statusFiltersAcceptAllAndUndefinedAndRefuseTheRest() {
    assertThat(PaymentStatus.filter("undefined")).isEmpty();
    assertThat(PaymentStatus.filter("all")).isEmpty();
    assertThat(PaymentStatus.filter("paid")).contains(PaymentStatus.PAID);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaymentStatus.filter("PAID"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
