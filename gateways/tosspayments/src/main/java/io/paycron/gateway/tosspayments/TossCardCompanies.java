package io.paycron.gateway.tosspayments;

import java.util.Map;

/**
 * Names of Toss's two-character card company codes (카드사 코드), as its code reference lists them, for
 * the {@code issuerCode} and {@code acquirerCode} of a card.
 */
final class TossCardCompanies {

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("3K", "기업BC"),
          Map.entry("46", "광주은행"),
          Map.entry("71", "롯데카드"),
          Map.entry("30", "KDB산업은행"),
          Map.entry("31", "BC카드"),
          Map.entry("51", "삼성카드"),
          Map.entry("38", "새마을금고"),
          Map.entry("41", "신한카드"),
          Map.entry("62", "신협"),
          Map.entry("36", "씨티카드"),
          Map.entry("33", "우리BC카드"),
          Map.entry("W1", "우리카드"),
          Map.entry("37", "우체국예금보험"),
          Map.entry("39", "저축은행중앙회"),
          Map.entry("35", "전북은행"),
          Map.entry("42", "제주은행"),
          Map.entry("15", "카카오뱅크"),
          Map.entry("3A", "케이뱅크"),
          Map.entry("24", "토스뱅크"),
          Map.entry("21", "하나카드"),
          Map.entry("61", "현대카드"),
          Map.entry("11", "KB국민카드"),
          Map.entry("91", "NH농협카드"),
          Map.entry("34", "Sh수협은행"),
          Map.entry("6D", "다이너스"),
          Map.entry("6I", "디스커버"),
          Map.entry("4M", "마스터"),
          Map.entry("3C", "유니온페이"),
          Map.entry("7A", "AMEX"),
          Map.entry("4J", "JCB"),
          Map.entry("4V", "VISA"));

  private TossCardCompanies() {}

  /** The name, or null for a code Toss added after this table (or null). */
  static String name(String code) {
    return code == null ? null : NAMES.get(code);
  }
}
