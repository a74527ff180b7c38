package io.paycron.gateway.tosspayments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BillingKeyTokenTest {

  @Test
  void readsBackWhatItWrites() {
    BillingKeyToken token = new BillingKeyToken("cus_1", "Z_t5vOvQ/xr=");

    assertThat(token.encode()).isEqualTo("cus_1/Z_t5vOvQ/xr=");
    assertThat(BillingKeyToken.decode(token.encode())).contains(token);
  }

  @Test
  void refusesTokensOfOtherGateways() {
    assertThat(BillingKeyToken.decode("sbk_0123456789ab")).isEmpty();
    assertThat(BillingKeyToken.decode("cus_1/")).isEmpty();
    assertThat(BillingKeyToken.decode("c/abc")).isEmpty();
  }

  @Test
  void neverShowsTheBillingKey() {
    assertThat(new BillingKeyToken("cus_1", "Z_t5vOvQxr=").toString())
        .contains("cus_1")
        .doesNotContain("Z_t5vOvQxr=");
  }
}
