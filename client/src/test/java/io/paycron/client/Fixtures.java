package io.paycron.client;

/** Answers in the shapes the server emits today (server's PaymentResponse, CustomerResponse). */
final class Fixtures {

  private Fixtures() {}

  /** Every §7.1 key, in PaymentResponse's order, plus one key this client does not know. */
  static final String PAYMENT =
      """
      {"imp_uid":"imps_123456789012","merchant_uid":"order-1","pay_method":"card",
       "channel":"api","pg_provider":"sandbox","emb_pg_provider":"sandbox","pg_tid":"tid-77",
       "pg_id":"sandbox-mid","escrow":false,"sandbox":true,"apply_num":"30012345",
       "bank_code":null,"bank_name":null,"card_code":"361","card_name":"BC카드",
       "card_issuer_code":"361","card_issuer_name":"BC카드","card_publisher_code":"362",
       "card_publisher_name":"BC","card_quota":3,"card_number":"42424242****4242",
       "card_type":1,"vbank_code":null,"vbank_name":null,"vbank_num":null,
       "vbank_holder":null,"vbank_date":0,"vbank_issued_at":0,"name":"Monthly plan",
       "amount":129.99,"cancel_amount":30.00,"currency":"USD","buyer_name":"Hong Gildong",
       "buyer_email":"hong@example.com","buyer_tel":"010-1234-5678","buyer_addr":"Seoul",
       "buyer_postcode":"04524","custom_data":"{\\"plan\\":\\"pro\\"}","user_agent":null,
       "status":"paid","started_at":1700000000,"paid_at":1700000003,"failed_at":0,
       "cancelled_at":0,"fail_reason":null,"cancel_reason":"partial refund","receipt_url":"",
       "cancel_history":[{"pg_tid":"tid-78","amount":30.00,"cancelled_at":1700000100,
         "reason":"partial refund","receipt_url":"","cancellation_id":"cncl_1"}],
       "cancel_receipt_urls":[""],"cash_receipt_issued":false,"customer_uid":"cust-1",
       "customer_uid_usage":"payment","promotion":null,"added_later":{"x":1}}
      """;

  static final String DECLINED_PAYMENT =
      """
      {"imp_uid":"imps_000000000002","merchant_uid":"order-2","amount":8900,"currency":"KRW",
       "status":"failed","started_at":1700000000,"paid_at":0,"failed_at":1700000001,
       "fail_reason":"잔액이 부족합니다.","card_type":null,"customer_uid":"cust-1",
       "customer_uid_usage":"payment"}
      """;

  static final String CUSTOMER =
      """
      {"customer_uid":"cust-1","customer_id":"user-9","pg_provider":"sandbox",
       "pg_id":"sandbox-mid","card_name":"BC카드","card_code":"361","card_issuer_code":"361",
       "card_issuer_name":"BC카드","card_publisher_code":"361","card_publisher_name":"BC",
       "card_number":"42424242****4242","card_type":0,"customer_name":"Hong Gildong",
       "customer_tel":"010-1234-5678","customer_email":"hong@example.com",
       "customer_addr":"Seoul","customer_postcode":"04524","inserted":1700000000,
       "updated":1700000500,"sandbox":true}
      """;

  /** An executed schedule whose charge failed. */
  static final String SCHEDULE =
      """
      {"customer_uid":"cust-1","merchant_uid":"sub-2024-01","imp_uid":"imps_000000000003",
       "customer_id":"user-9","pg_provider":"sandbox","pg_id":"sandbox-mid",
       "schedule_at":1700003600,"executed_at":1700003601,"revoked_at":0,"amount":8900,
       "currency":"KRW","name":"Monthly plan","buyer_name":"Hong Gildong",
       "buyer_email":"hong@example.com","buyer_tel":"010-1234-5678","buyer_addr":"Seoul",
       "buyer_postcode":"04524","custom_data":null,"schedule_status":"executed",
       "payment_status":"failed","fail_reason":"잔액이 부족합니다.","promotion_id":null}
      """;

  static final String PENDING_SCHEDULE =
      """
      {"customer_uid":"cust-1","merchant_uid":"sub-2024-02","imp_uid":null,
       "schedule_at":1702682000,"executed_at":0,"revoked_at":0,"amount":8900,
       "currency":"KRW","schedule_status":"scheduled","payment_status":null}
      """;

  static final String EVENT =
      """
      {"event_id":"evt_1","type":"schedule.executed","object_id":"sub-2024-01",
       "object_version":2,"created_at":1700003601,"status":"failed",
       "url":"https://merchant.example/hook",
       "attempts":[
         {"attempt":1,"started_at":1700003602,"duration_ms":30000,"status_code":null,
          "error":"read timed out"},
         {"attempt":2,"started_at":1700003700,"duration_ms":120,"status_code":500,
          "error":null}]}
      """;
}
