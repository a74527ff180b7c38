-- What the V4 release wrote: attempts in the table keyed by idempotency_key alone. Inserted at V4
-- after V1.sql to V3.sql; see V1.sql.

INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid, customer_uid_usage,
    pg_provider, pg_id, pg_tid, apply_num, card_number, card_code, card_name, card_type,
    card_issuer_code, card_issuer_name, card_publisher_code, card_publisher_name, card_quota, name,
    amount, cancel_amount, cancel_reserved, currency, buyer_name, buyer_email, buyer_tel,
    buyer_addr, buyer_postcode, custom_data, notice_url, status, fail_reason, cancel_reason,
    sandbox, started_at, paid_at, failed_at, cancelled_at, updated_at, version, live_uid)
VALUES ('mer_upgraded', 'imps_000000000401', 'order_v4_paid', 'cust_v1', 'payment', 'sandbox',
    'sandbox', 'sbx_0401a0a0a0a0a0a0a0a0', '0401a0a0', '42424242****4242', '366', '신한카드', 0,
    '366', '신한카드', '366', '신한카드', 0, '정기배송 9월', 14000, 0, 0, 'KRW', NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, 'PAID', NULL, NULL, TRUE, 1767484800000, 1767484801000, 0, 0,
    1767484801000, 2, 'order_v4_paid');

INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider, state,
    decline_code, decline_message, transaction_id, created_at, updated_at)
VALUES ('mer_upgraded', 'mer_upgraded:imps_000000000401:1', 'imps_000000000401', 'sandbox',
    'APPROVED', NULL, NULL, 'sbx_0401a0a0a0a0a0a0a0a0', 1767484800000, 1767484801000);

INSERT INTO sandbox_charges (idempotency_key, token, amount, currency, outcome, decline_code,
    transaction_id, cancelled_amount, created_at)
VALUES ('mer_upgraded:imps_000000000401:1', 'sbk_0a0b0c0d0e0f101112131415', 14000, 'KRW',
    'approved', NULL, 'sbx_0401a0a0a0a0a0a0a0a0', 0, 1767484801000);
