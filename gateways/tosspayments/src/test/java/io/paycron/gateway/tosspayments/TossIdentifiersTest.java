package io.paycron.gateway.tosspayments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TossIdentifiersTest {

  /** Vectors computed outside Java: "pc-" + base64url(sha256(utf8(key))) without padding. */
  @ParameterizedTest
  @CsvSource({
    "m_1:1:order-2026-0001, pc-djiiamIBmxQlhsJxR8ogzT75TRuGzSa8QTWL9066m9Y",
    "m_1:2:order-2026-0001, pc-wQftQ6mmiVA0KFVQvNC_2wKAtkD7McMtG7y6uoHd33g",
    "'m_7:1:주문/2026 #1', pc-qC-ftKjTW41YcG13QT_uYTkMmLAFSGb1weV8qQVpjWY"
  })
  void theOrderIdIsAHashOfTheIdempotencyKey(String key, String orderId) {
    assertThat(TossIdentifiers.orderId(key)).isEqualTo(orderId);
    assertThat(TossIdentifiers.chargeIdempotencyKey(key)).isEqualTo(orderId);
  }

  @ParameterizedTest
  @MethodSource("awkwardKeys")
  void everyOrderIdFitsTossRules(String key) {
    assertThat(TossIdentifiers.orderId(key)).matches("[A-Za-z0-9_-]{6,64}");
    assertThat(TossIdentifiers.cancelIdempotencyKey(key)).hasSizeLessThanOrEqualTo(300);
  }

  static Stream<String> awkwardKeys() {
    return Stream.of(
        "m:1:a",
        "m_1:1:주문번호-가나다",
        "m_1:1:with spaces, commas; and !@#$%^&*()",
        "m_99999999:12:" + "x".repeat(200));
  }

  @Test
  void theRefundKeyIsAHashOfPaycronsRefundKey() {
    assertThat(TossIdentifiers.cancelIdempotencyKey("refund:m_1:1:order-2026-0001:1"))
        .isEqualTo("pc-cancel-ecufZs8seViGL9oZ50i-jDZsoQmO1jSGDmMLoJ0HKUg");
  }

  @Test
  void aCustomerKeyTossAcceptsIsKeptAndAnyOtherIsHashed() {
    assertThat(TossIdentifiers.customerKey("cus_8f14e45fceea167a5a36dedd4bea2543"))
        .isEqualTo("cus_8f14e45fceea167a5a36dedd4bea2543");
    assertThat(TossIdentifiers.customerKey("a.b-c_d=e@f")).isEqualTo("a.b-c_d=e@f");
    assertThat(TossIdentifiers.customerKey("고객 1"))
        .isEqualTo("pc-jRktkHY3voTDbdx5wSRljhnMso00g52BSgFH5wPqciA");
    assertThat(TossIdentifiers.customerKey("x")).startsWith("pc-").hasSize(46);
    assertThat(TossIdentifiers.customerKey("a/b")).startsWith("pc-").doesNotContain("/");
  }
}
