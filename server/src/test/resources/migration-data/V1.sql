-- What a store held at schema V1, as that release's repositories wrote it (their INSERT
-- statements, its imp_uid, key and token formats). MigrationUpgradeTest inserts it right after
-- migrating to V1, then migrates on. Never edit it to suit a later release: old stores hold exactly
-- such rows. Times are epoch milliseconds from 2026-01-01T00:00:00Z.

INSERT INTO merchants (id, name, sandbox, webhook_url, created_at)
VALUES ('mer_upgraded', 'Upgraded since V1', TRUE, NULL, 1767225600000);

-- Both keys have the secret "secret-of-a-key-issued-before-the-upgrade", hashed as
-- TokenService.hashSecret does: bcrypt (cost 10) of its SHA-256 in hex. The second was revoked.
INSERT INTO api_keys (merchant_id, imp_key, secret_hash, created_at, revoked_at) VALUES
('mer_upgraded', 'imp_upgraded', '$2a$10$reVyxGQzY736k9xlSXZQ8uyGKXMEw/RzR9QxdE7Sw1mDCeJrF0Lga',
    1767225600000, NULL),
('mer_upgraded', 'imp_upgraded_revoked',
    '$2a$10$reVyxGQzY736k9xlSXZQ8uyGKXMEw/RzR9QxdE7Sw1mDCeJrF0Lga', 1767225600000, 1767225660000);

-- The token "token-issued-before-the-upgrade" (stored as its SHA-256 in hex); it expires in 2100,
-- so the test can use it whenever it runs.
INSERT INTO access_tokens (merchant_id, token_hash, imp_key, issued_at, expires_at)
VALUES ('mer_upgraded', '069b3f28b479ba4848f87474f2b597c0f1825b9e1d58450d3f087a7bd91a3715',
    'imp_upgraded', 1767225600000, 4102444800000);

INSERT INTO sandbox_billing_keys (token, scenario, card_number, created_at, deleted_at)
VALUES ('sbk_0a0b0c0d0e0f101112131415', 'APPROVE', '42424242****4242', 1767225610000, NULL);

INSERT INTO billing_keys (merchant_id, customer_uid, pg_provider, pg_id, gateway_token,
    card_number, card_code, card_name, card_type, card_issuer_code, card_issuer_name,
    card_publisher_code, card_publisher_name, customer_id, customer_name, customer_tel,
    customer_email, customer_addr, customer_postcode, inserted_at, updated_at)
VALUES ('mer_upgraded', 'cust_v1', 'sandbox', 'sandbox', 'sbk_0a0b0c0d0e0f101112131415',
    '42424242****4242', '366', '신한카드', 0, '366', '신한카드', '366', '신한카드', 'member-17',
    '김민지', '010-1234-5678', 'minji@example.com', '서울시 중구', '04524', 1767225610000,
    1767225610000);

-- 101 paid; 102 failed and 103 paid the same merchant_uid after it; 104 failed and was never
-- retried; 105 paid and fully refunded.
INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid, customer_uid_usage,
    pg_provider, pg_id, pg_tid, apply_num, card_number, card_code, card_name, card_type,
    card_issuer_code, card_issuer_name, card_publisher_code, card_publisher_name, card_quota, name,
    amount, cancel_amount, cancel_reserved, currency, buyer_name, buyer_email, buyer_tel,
    buyer_addr, buyer_postcode, custom_data, notice_url, status, fail_reason, cancel_reason,
    sandbox, started_at, paid_at, failed_at, cancelled_at, updated_at, version) VALUES
('mer_upgraded', 'imps_000000000101', 'order_v1_paid', 'cust_v1', 'payment', 'sandbox', 'sandbox',
    'sbx_0101a0a0a0a0a0a0a0a0', '0101a0a0', '42424242****4242', '366', '신한카드', 0, '366',
    '신한카드', '366', '신한카드', 0, '정기배송 1월', 10000, 0, 0, 'KRW', '김민지',
    'minji@example.com', '010-1234-5678', '서울시 중구', '04524', '{"order":"v1"}', NULL, 'PAID',
    NULL, NULL, TRUE, 1767225620000, 1767225621000, 0, 0, 1767225621000, 2),
('mer_upgraded', 'imps_000000000102', 'order_v1_retried', 'cust_v1', 'payment', 'sandbox',
    'sandbox', NULL, NULL, '42424242****4242', '366', '신한카드', 0, '366', '신한카드', '366',
    '신한카드', 0, '정기배송 2월', 10000, 0, 0, 'KRW', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    'FAILED', '잔액이 부족합니다', NULL, TRUE, 1767225630000, 0, 1767225631000, 0, 1767225631000,
    2),
('mer_upgraded', 'imps_000000000103', 'order_v1_retried', 'cust_v1', 'payment', 'sandbox',
    'sandbox', 'sbx_0103a0a0a0a0a0a0a0a0', '0103a0a0', '42424242****4242', '366', '신한카드', 0,
    '366', '신한카드', '366', '신한카드', 0, '정기배송 2월', 10000, 0, 0, 'KRW', NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, 'PAID', NULL, NULL, TRUE, 1767225640000, 1767225641000, 0, 0,
    1767225641000, 2),
('mer_upgraded', 'imps_000000000104', 'order_v1_failed_only', 'cust_v1', 'payment', 'sandbox',
    'sandbox', NULL, NULL, '42424242****4242', '366', '신한카드', 0, '366', '신한카드', '366',
    '신한카드', 0, '정기배송 3월', 10000, 0, 0, 'KRW', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    'FAILED', '분실 또는 도난 신고된 카드입니다', NULL, TRUE, 1767225650000, 0, 1767225651000, 0,
    1767225651000, 2),
('mer_upgraded', 'imps_000000000105', 'order_v1_refunded', 'cust_v1', 'payment', 'sandbox',
    'sandbox', 'sbx_0105a0a0a0a0a0a0a0a0', '0105a0a0', '42424242****4242', '366', '신한카드', 0,
    '366', '신한카드', '366', '신한카드', 0, '정기배송 4월', 5000, 5000, 0, 'KRW', NULL, NULL, NULL,
    NULL, NULL, NULL, 'https://merchant.example/notice', 'CANCELLED', NULL, '고객 요청', TRUE,
    1767225660000, 1767225661000, 0, 1767225670000, 1767225670000, 3);

INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider, state,
    decline_code, decline_message, transaction_id, created_at, updated_at) VALUES
('mer_upgraded', 'mer_upgraded:imps_000000000101:1', 'imps_000000000101', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0101a0a0a0a0a0a0a0a0', 1767225620000, 1767225621000),
('mer_upgraded', 'mer_upgraded:imps_000000000102:1', 'imps_000000000102', 'sandbox', 'DECLINED',
    'insufficient_funds', '잔액이 부족합니다', NULL, 1767225630000, 1767225631000),
('mer_upgraded', 'mer_upgraded:imps_000000000103:1', 'imps_000000000103', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0103a0a0a0a0a0a0a0a0', 1767225640000, 1767225641000),
('mer_upgraded', 'mer_upgraded:imps_000000000104:1', 'imps_000000000104', 'sandbox', 'DECLINED',
    'stolen_card', '분실 또는 도난 신고된 카드입니다', NULL, 1767225650000, 1767225651000),
('mer_upgraded', 'mer_upgraded:imps_000000000105:1', 'imps_000000000105', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0105a0a0a0a0a0a0a0a0', 1767225660000, 1767225661000);

INSERT INTO cancellations (merchant_id, cancellation_id, imp_uid, amount, reason, state, pg_tid,
    created_at, cancelled_at)
VALUES ('mer_upgraded', 'cncl_00000000000000000105', 'imps_000000000105', 5000, '고객 요청', 'DONE',
    'sbx_0105a0a0a0a0a0a0a0a0', 1767225669000, 1767225670000);

INSERT INTO sandbox_charges (idempotency_key, token, amount, currency, outcome, decline_code,
    transaction_id, cancelled_amount, created_at) VALUES
('mer_upgraded:imps_000000000101:1', 'sbk_0a0b0c0d0e0f101112131415', 10000, 'KRW', 'approved',
    NULL, 'sbx_0101a0a0a0a0a0a0a0a0', 0, 1767225621000),
('mer_upgraded:imps_000000000102:1', 'sbk_0a0b0c0d0e0f101112131415', 10000, 'KRW', 'declined',
    'insufficient_funds', 'sbx_0102a0a0a0a0a0a0a0a0', 0, 1767225631000),
('mer_upgraded:imps_000000000103:1', 'sbk_0a0b0c0d0e0f101112131415', 10000, 'KRW', 'approved',
    NULL, 'sbx_0103a0a0a0a0a0a0a0a0', 0, 1767225641000),
('mer_upgraded:imps_000000000104:1', 'sbk_0a0b0c0d0e0f101112131415', 10000, 'KRW', 'declined',
    'stolen_card', 'sbx_0104a0a0a0a0a0a0a0a0', 0, 1767225651000),
('mer_upgraded:imps_000000000105:1', 'sbk_0a0b0c0d0e0f101112131415', 5000, 'KRW', 'approved',
    NULL, 'sbx_0105a0a0a0a0a0a0a0a0', 5000, 1767225661000);

INSERT INTO sandbox_cancellations (idempotency_key, transaction_id, amount, created_at)
VALUES ('mer_upgraded:cncl_00000000000000000105', 'sbx_0105a0a0a0a0a0a0a0a0', 5000, 1767225670000);
