package io.paycron.gateway.tosspayments;

import io.paycron.gateway.DeclineClass;
import java.util.Map;
import java.util.Set;

/**
 * What Toss's documented error codes mean for a charge
 * (docs.tosspayments.com/reference/error-codes, the "카드 자동결제 승인" and "결제 승인" tables). The code
 * itself always reaches Paycron unchanged; this only decides whether it is a decline, and whether a
 * later retry can succeed.
 */
final class TossErrorCodes {

  /**
   * Codes after which the charge may exist although Toss answered with an error: Toss is still
   * processing the same Idempotency-Key (409), refuses a repeat while the first is in flight, or
   * failed on its own side ("일시적인 오류"). The charge is Unknown and reconciliation asks Toss.
   */
  private static final Set<String> OUTCOME_UNKNOWN =
      Set.of("IDEMPOTENT_REQUEST_PROCESSING", "FORBIDDEN_CONSECUTIVE_REQUEST", "PROVIDER_ERROR");

  /**
   * Codes that say an order with this orderId was already handled. Paycron derives the orderId from
   * its idempotency key, so this is Paycron's own earlier charge: look it up instead of guessing.
   */
  private static final Set<String> ALREADY_PROCESSED =
      Set.of("DUPLICATED_ORDER_ID", "ALREADY_PROCESSED_PAYMENT");

  private static final Map<String, DeclineClass> DECLINES =
      Map.ofEntries(
          // The balance or a limit: the same card may pass later.
          Map.entry("REJECT_CARD_PAYMENT", DeclineClass.SOFT), // 한도초과 혹은 잔액부족
          Map.entry("REJECT_ACCOUNT_PAYMENT", DeclineClass.SOFT), // 잔액부족
          Map.entry("EXCEED_MAX_DAILY_PAYMENT_COUNT", DeclineClass.SOFT),
          Map.entry("EXCEED_MAX_PAYMENT_AMOUNT", DeclineClass.SOFT), // 하루 결제 가능 금액
          Map.entry("EXCEED_MAX_AMOUNT", DeclineClass.SOFT), // 거래금액 한도
          Map.entry("EXCEED_MAX_ONE_DAY_AMOUNT", DeclineClass.SOFT),
          Map.entry("EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT", DeclineClass.SOFT),
          Map.entry("EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT", DeclineClass.SOFT),
          Map.entry("EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT", DeclineClass.SOFT),
          Map.entry("EXCEED_UNKNOWN_CASE", DeclineClass.SOFT), // 한도 초과
          // The issuer or the network is unavailable for now.
          Map.entry("CARD_PROCESSING_ERROR", DeclineClass.SOFT), // 카드사에서 오류
          Map.entry("NOT_AVAILABLE_PAYMENT", DeclineClass.SOFT), // 결제가 불가능한 시간대
          Map.entry("NOT_AVAILABLE_BANK", DeclineClass.SOFT), // 은행 서비스 시간이 아님
          Map.entry("MAINTAINED_METHOD", DeclineClass.SOFT), // 현재 점검 중
          // The merchant's Toss configuration: a retry succeeds once the operator fixes it, and
          // classing these HARD would end every subscription of the merchant over a typo.
          Map.entry("UNAUTHORIZED_KEY", DeclineClass.SOFT),
          Map.entry("INVALID_API_KEY", DeclineClass.SOFT),
          Map.entry("INCORRECT_BASIC_AUTH_FORMAT", DeclineClass.SOFT),
          Map.entry("FORBIDDEN_REQUEST", DeclineClass.SOFT),
          Map.entry("NOT_SUPPORTED_METHOD", DeclineClass.SOFT), // 자동결제 미계약
          Map.entry("NOT_FOUND_TERMINAL_ID", DeclineClass.SOFT),
          Map.entry("INVALID_UNREGISTERED_SUBMALL", DeclineClass.SOFT),
          Map.entry("NOT_REGISTERED_BUSINESS", DeclineClass.SOFT),
          // The card itself: stolen, lost, stopped, expired, wrong, or refused by its issuer.
          Map.entry("INVALID_CARD_LOST_OR_STOLEN", DeclineClass.HARD),
          Map.entry("INVALID_STOPPED_CARD", DeclineClass.HARD),
          Map.entry("INVALID_CARD_EXPIRATION", DeclineClass.HARD),
          Map.entry("INVALID_CARD_NUMBER", DeclineClass.HARD),
          Map.entry("INVALID_REJECT_CARD", DeclineClass.HARD), // 카드사 문의가 필요합니다
          Map.entry("REJECT_CARD_COMPANY", DeclineClass.HARD), // 결제 승인이 거절되었습니다
          Map.entry("NOT_SUPPORTED_CARD_TYPE", DeclineClass.HARD),
          Map.entry("INVALID_PASSWORD", DeclineClass.HARD),
          Map.entry("EXCEED_MAX_AUTH_COUNT", DeclineClass.HARD), // 카드사로 문의
          // The billing key is not (or no longer) usable with this customerKey.
          Map.entry("INVALID_BILL_KEY_REQUEST", DeclineClass.HARD),
          Map.entry("NOT_MATCHES_CUSTOMER_KEY", DeclineClass.HARD),
          Map.entry("NOT_FOUND_BILLING", DeclineClass.HARD),
          // The request cannot pass as sent: the same amount or plan fails again.
          Map.entry("BELOW_MINIMUM_AMOUNT", DeclineClass.HARD),
          Map.entry("INVALID_CARD_INSTALLMENT_PLAN", DeclineClass.HARD),
          Map.entry("EXCEED_MAX_CARD_INSTALLMENT_PLAN", DeclineClass.HARD),
          Map.entry("NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT", DeclineClass.HARD),
          Map.entry("NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN", DeclineClass.HARD),
          Map.entry("NOT_ALLOWED_INSTALLMENT_BELOW_AMOUNT", DeclineClass.HARD),
          Map.entry("NOT_ALLOWED_POINT_USE", DeclineClass.HARD));

  private TossErrorCodes() {}

  static boolean outcomeUnknown(String code) {
    return OUTCOME_UNKNOWN.contains(code);
  }

  static boolean alreadyProcessed(String code) {
    return ALREADY_PROCESSED.contains(code);
  }

  /**
   * The class of a decline. A code Toss adds later, or one not in the tables, is SOFT: a needless
   * retry costs one declined attempt, a wrong HARD ends a subscription that could still be paid.
   */
  static DeclineClass declineClass(String code) {
    return DECLINES.getOrDefault(code, DeclineClass.SOFT);
  }
}
