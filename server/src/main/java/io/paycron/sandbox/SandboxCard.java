package io.paycron.sandbox;

import io.paycron.gateway.DeclineClass;
import java.util.Map;

/**
 * The test cards of API.md §9 and how each behaves. Any other number that passes the Luhn check
 * behaves like 4242…; one that fails it is refused as a real card company would.
 */
enum SandboxCard {
  APPROVE(null, null, null, "366", "신한카드"),
  APPROVE_OTHER_BRAND(null, null, null, "381", "KB국민카드"),
  REFUSE_EXPIRED("expired_card", "유효기간이 만료된 카드입니다", null, "366", "신한카드"),
  REFUSE_PASSWORD("incorrect_password", "카드 비밀번호가 일치하지 않습니다", null, "366", "신한카드"),
  DECLINE_INSUFFICIENT_FUNDS("insufficient_funds", "잔액이 부족합니다", DeclineClass.SOFT, "366", "신한카드"),
  DECLINE_LIMIT_EXCEEDED("limit_exceeded", "한도가 초과되었습니다", DeclineClass.SOFT, "366", "신한카드"),
  DECLINE_STOLEN("stolen_card", "분실 또는 도난 신고된 카드입니다", DeclineClass.HARD, "366", "신한카드"),
  TIMEOUT_CHARGED(null, null, null, "366", "신한카드"),
  TIMEOUT_NOT_CHARGED(null, null, null, "366", "신한카드"),
  SLOW_APPROVE(null, null, null, "366", "신한카드");

  private static final Map<String, SandboxCard> BY_NUMBER =
      Map.of(
          "4242424242424242", APPROVE,
          "5555555555554444", APPROVE_OTHER_BRAND,
          "4000000000000069", REFUSE_EXPIRED,
          "4000000000000127", REFUSE_PASSWORD,
          "4000000000009995", DECLINE_INSUFFICIENT_FUNDS,
          "4000000000009987", DECLINE_LIMIT_EXCEEDED,
          "4000000000009979", DECLINE_STOLEN,
          "4000000000000119", TIMEOUT_CHARGED,
          "4000000000000218", TIMEOUT_NOT_CHARGED,
          "4000000000003220", SLOW_APPROVE);

  final String code;
  final String message;
  final DeclineClass declineClass;
  final String cardCode;
  final String cardName;

  SandboxCard(
      String code, String message, DeclineClass declineClass, String cardCode, String cardName) {
    this.code = code;
    this.message = message;
    this.declineClass = declineClass;
    this.cardCode = cardCode;
    this.cardName = cardName;
  }

  /** The behaviour of a card number, or null when no card company would accept the number. */
  static SandboxCard of(String digits) {
    SandboxCard known = BY_NUMBER.get(digits);
    if (known != null) {
      return known;
    }
    return digits.length() >= 14 && digits.length() <= 19 && passesLuhn(digits) ? APPROVE : null;
  }

  /** The declining scenario that produced a stored decline code. */
  static SandboxCard valueOfCode(String code) {
    for (SandboxCard card : values()) {
      if (card.declinesCharges() && card.code.equals(code)) {
        return card;
      }
    }
    throw new IllegalArgumentException("no sandbox card declines with " + code);
  }

  boolean refusesBillingKey() {
    return this == REFUSE_EXPIRED || this == REFUSE_PASSWORD;
  }

  boolean declinesCharges() {
    return declineClass != null;
  }

  static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
