package com.example.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MerchantUidsTest {

  @Test
  void numbersPeriodsWithFourDigitsAndRetriesAfterThem() {
    assertThat(MerchantUids.payment("gildong", 1)).isEqualTo("gildong_0001");
    assertThat(MerchantUids.payment("gildong", 42)).isEqualTo("gildong_0042");
    assertThat(MerchantUids.payment("gildong", 12345)).isEqualTo("gildong_12345");
    assertThat(MerchantUids.retry("gildong", 1, 1)).isEqualTo("gildong_0001_retry1");
    assertThat(MerchantUids.retry("gildong", 7, 3)).isEqualTo("gildong_0007_retry3");
  }

  @Test
  void neverRepeatsAMerchantUidWithinASubscription() {
    Set<String> seen = new HashSet<>();
    for (int period = 1; period <= 200; period++) {
      assertThat(seen.add(MerchantUids.payment("cus_1", period))).isTrue();
      for (int retry = 1; retry <= 5; retry++) {
        assertThat(seen.add(MerchantUids.retry("cus_1", period, retry))).isTrue();
      }
    }
  }

  @Test
  void refusesWhatWouldNotBeAUsableId() {
    assertThatThrownBy(() -> MerchantUids.payment("gildong", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerchantUids.retry("gildong", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerchantUids.payment(" ", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
