-- What the V3 release wrote: payments carry live_uid, their merchant_uid while not failed.
-- Inserted at V3 after V1.sql and V2.sql; see V1.sql.

INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid, customer_uid_usage,
    pg_provider, pg_id, pg_tid, apply_num, card_number, card_code, card_name, card_type,
    card_issuer_code, card_issuer_name, card_publisher_code, card_publisher_name, card_quota, name,
    amount, cancel_amount, cancel_reserved, currency, buyer_name, buyer_email, buyer_tel,
    buyer_addr, buyer_postcode, custom_data, notice_url, status, fail_reason, cancel_reason,
    sandbox, started_at, paid_at, failed_at, cancelled_at, updated_at, version, live_uid) VALUES
('mer_upgraded', 'imps_000000000301', 'order_v3_paid', 'cust_v1', 'payment', 'sandbox', 'sandbox',
    'sbx_0301a0a0a0a0a0a0a0a0', '0301a0a0', '42424242****4242', '366', '신한카드', 0, '366',
    '신한카드', '366', '신한카드', 0, '정기배송 7월', 13000, 0, 0, 'KRW', NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, 'PAID', NULL, NULL, TRUE, 1767398400000, 1767398401000, 0, 0, 1767398401000,
    2, 'order_v3_paid'),
('mer_upgraded', 'imps_000000000302', 'order_v3_failed', 'cust_v1', 'payment', 'sandbox',
    'sandbox', NULL, NULL, '42424242****4242', '366', '신한카드', 0, '366', '신한카드', '366',
    '신한카드', 0, '정기배송 8월', 13000, 0, 0, 'KRW', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    'FAILED', '한도가 초과되었습니다', NULL, TRUE, 1767398500000, 0, 1767398501000, 0,
    1767398501000, 2, NULL);

INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider, state,
    decline_code, decline_message, transaction_id, created_at, updated_at) VALUES
('mer_upgraded', 'mer_upgraded:imps_000000000301:1', 'imps_000000000301', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0301a0a0a0a0a0a0a0a0', 1767398400000, 1767398401000),
('mer_upgraded', 'mer_upgraded:imps_000000000302:1', 'imps_000000000302', 'sandbox', 'DECLINED',
    'limit_exceeded', '한도가 초과되었습니다', NULL, 1767398500000, 1767398501000);

INSERT INTO sandbox_charges (idempotency_key, token, amount, currency, outcome, decline_code,
    transaction_id, cancelled_amount, created_at) VALUES
('mer_upgraded:imps_000000000301:1', 'sbk_0a0b0c0d0e0f101112131415', 13000, 'KRW', 'approved',
    NULL, 'sbx_0301a0a0a0a0a0a0a0a0', 0, 1767398401000),
('mer_upgraded:imps_000000000302:1', 'sbk_0a0b0c0d0e0f101112131415', 13000, 'KRW', 'declined',
    'limit_exceeded', 'sbx_0302a0a0a0a0a0a0a0a0', 0, 1767398501000);
