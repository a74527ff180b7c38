package io.paycron.clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.RuntimeMode;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Test clocks do not exist in production mode: every entry point refuses before doing anything. */
class TestClocksProductionTest {

  @Test
  void everyTestClockOperationIsRefusedInProductionMode() {
    // no repository: a refusal must come before any storage is touched
    TestClocks clocks =
        new TestClocks(null, new ScopedClock(Clock.systemUTC()), RuntimeMode.PRODUCTION, null);
    Merchant merchant = new Merchant("m1", "shop", false);
    assertThatThrownBy(() -> clocks.create(merchant, Optional.empty(), "x"))
        .isInstanceOf(ApiException.InvalidRequest.class)
        .hasMessageContaining("sandbox mode");
    assertThatThrownBy(() -> clocks.advance(merchant, "clock_1", 1_900_000_000L))
        .isInstanceOf(ApiException.InvalidRequest.class)
        .hasMessageContaining("sandbox mode");
    assertThatThrownBy(() -> clocks.get(merchant, "clock_1"))
        .isInstanceOf(ApiException.InvalidRequest.class);
    assertThatThrownBy(() -> clocks.attach(merchant, "cus_1", "clock_1"))
        .isInstanceOf(ApiException.InvalidRequest.class);
  }
}
