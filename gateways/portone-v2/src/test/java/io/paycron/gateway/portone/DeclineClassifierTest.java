package io.paycron.gateway.portone;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.gateway.DeclineClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclineClassifierTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // insufficient balance and limits: a later retry may pass
        "REJECT_CARD_PAYMENT | 한도초과 혹은 잔액부족으로 결제에 실패했습니다. | SOFT",
        "3011 | 잔액부족 | SOFT",
        "8350 | 카드 한도 초과 | SOFT",
        "EXCEED_MAX_DAILY_PAYMENT_COUNT | 하루 결제 가능 횟수를 초과했습니다. | SOFT",
        "INSUFFICIENT_FUNDS | null | SOFT",
        // lost, stolen, expired, suspended, unknown card: it will not pass
        "INVALID_CARD_LOST_OR_STOLEN | 분실 혹은 도난 카드입니다. | HARD",
        "8317 | 분실카드 | HARD",
        "8318 | 도난카드 | HARD",
        "INVALID_CARD_EXPIRATION | 카드 정보를 다시 확인해주세요. (유효기간) | HARD",
        "8324 | 유효기간 만료 | HARD",
        "INVALID_STOPPED_CARD | 정지된 카드 입니다. | HARD",
        "8373 | 거래정지 카드 | HARD",
        "8320 | 해지된 카드 | HARD",
        "INVALID_CARD_NUMBER | 카드번호를 다시 확인해주세요. | HARD",
        "RESTRICTED_CARD | null | HARD",
        "EXPIRED_CARD | null | HARD",
        // unexplained: retried, since a hard decline would end a subscription at once
        "9999 | 기타 오류 (카드사 문의) | SOFT",
        "PG_PROVIDER | null | SOFT",
        "null | null | SOFT"
      })
  void classifiesByThePgsCodeAndTheCardCompanysWording(
      String pgCode, String pgMessage, DeclineClass expected) {
    assertThat(DeclineClassifier.classify(pgCode, pgMessage)).isEqualTo(expected);
  }
}
