package io.paycron.gateway.portone;

import io.paycron.gateway.DeclineClass;
import java.util.List;
import java.util.Locale;

/**
 * Whether a card decline reported through PortOne is worth retrying.
 *
 * <p>PortOne passes the underlying PG's own {@code pgCode} and {@code pgMessage} through, and every
 * PG (KCP, KG Inicis, NICE, Toss Payments, …) has its own code list, so there is no single code
 * table to look up. What they share is the card company's wording ("잔액부족", "한도초과", "분실", "도난",
 * "유효기간") and, for PGs with symbolic codes, English words in the code (LOST, STOLEN, EXPIRED). A
 * decline naming a lost, stolen, expired, suspended or unknown card is {@link DeclineClass#HARD};
 * everything else is {@link DeclineClass#SOFT}: insufficient balance and limits ("잔액부족", "한도초과",
 * INSUFFICIENT/EXCEED) by nature, and the unexplained declines (issuer timeouts, maintenance, "기타
 * 오류") because a later retry usually clears them while a hard decline would stop a subscription's
 * retries at once.
 */
final class DeclineClassifier {

  /** A lost, stolen, expired, suspended, closed or unknown card: retrying cannot succeed. */
  private static final List<String> HARD_MESSAGE_WORDS =
      List.of(
          "분실",
          "도난",
          "유효기간",
          "만료",
          "거래정지",
          "정지된",
          "사용정지",
          "해지",
          "폐기",
          "카드번호",
          "유효하지 않은 카드",
          "없는 카드",
          "미등록");

  private static final List<String> HARD_CODE_WORDS =
      List.of("LOST", "STOLEN", "EXPIRED", "EXPIRATION", "STOPPED", "RESTRICTED", "INVALID_CARD");

  private DeclineClassifier() {}

  static DeclineClass classify(String pgCode, String pgMessage) {
    String code = pgCode == null ? "" : pgCode.toUpperCase(Locale.ROOT);
    String message = pgMessage == null ? "" : pgMessage;
    if (containsAny(message, HARD_MESSAGE_WORDS) || containsAny(code, HARD_CODE_WORDS)) {
      return DeclineClass.HARD;
    }
    // insufficient balance, a spending limit, and everything unexplained
    return DeclineClass.SOFT;
  }

  private static boolean containsAny(String text, List<String> words) {
    return words.stream().anyMatch(text::contains);
  }
}
