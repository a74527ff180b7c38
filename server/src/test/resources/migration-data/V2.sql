-- What the V2 release added to a store: schedules (one still due, in 2100, so a server started
-- on the upgraded store leaves it alone; one executed; one revoked), a refund that asked for its
-- webhook, the outbox and the delivery log. Inserted at V2 after V1.sql; see V1.sql.

INSERT INTO schedules (merchant_id, merchant_uid, customer_uid, customer_id, schedule_at, amount,
    currency, name, buyer_name, buyer_email, buyer_tel, buyer_addr, buyer_postcode, custom_data,
    notice_url, card_quota, promotion_id, pg_provider, pg_id, status, payment_status, imp_uid,
    fail_reason, executed_at, revoked_at, claimed_by, lease_until, created_at, updated_at,
    version) VALUES
('mer_upgraded', 'order_v2_due_2100', 'cust_v1', 'member-17', 4102444800000, 12000, 'KRW',
    '정기배송 2100년', '김민지', 'minji@example.com', '010-1234-5678', '서울시 중구', '04524',
    '{"box":"large"}', 'https://merchant.example/notice', 0, NULL, NULL, NULL, 'SCHEDULED', NULL,
    NULL, NULL, 0, 0, NULL, NULL, 1767312000000, 1767312000000, 1),
('mer_upgraded', 'order_v2_executed', 'cust_v1', NULL, 1767315600000, 12000, 'KRW',
    '정기배송 5월', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 'sandbox', 'sandbox',
    'EXECUTED', 'paid', 'imps_000000000201', NULL, 1767315601000, 0, 'node-1a2b3c4d',
    1767315660000, 1767312000000, 1767315601000, 3),
('mer_upgraded', 'order_v2_revoked', 'cust_v1', NULL, 1767319200000, 12000, 'KRW',
    '정기배송 6월', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, 'REVOKED', NULL,
    NULL, NULL, 0, 1767313000000, NULL, NULL, 1767312000000, 1767313000000, 2);

-- 201 paid by the executed schedule; 202 paid and refunded in part, with enable_webhook.
INSERT INTO payments (merchant_id, imp_uid, merchant_uid, customer_uid, customer_uid_usage,
    pg_provider, pg_id, pg_tid, apply_num, card_number, card_code, card_name, card_type,
    card_issuer_code, card_issuer_name, card_publisher_code, card_publisher_name, card_quota, name,
    amount, cancel_amount, cancel_reserved, currency, buyer_name, buyer_email, buyer_tel,
    buyer_addr, buyer_postcode, custom_data, notice_url, status, fail_reason, cancel_reason,
    sandbox, started_at, paid_at, failed_at, cancelled_at, updated_at, version) VALUES
('mer_upgraded', 'imps_000000000201', 'order_v2_executed', 'cust_v1', 'payment.scheduled',
    'sandbox', 'sandbox', 'sbx_0201a0a0a0a0a0a0a0a0', '0201a0a0', '42424242****4242', '366',
    '신한카드', 0, '366', '신한카드', '366', '신한카드', 0, '정기배송 5월', 12000, 0, 0, 'KRW', NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, 'PAID', NULL, NULL, TRUE, 1767315600500, 1767315601000, 0,
    0, 1767315601000, 2),
('mer_upgraded', 'imps_000000000202', 'order_v2_refunded_in_part', 'cust_v1', 'payment',
    'sandbox', 'sandbox', 'sbx_0202a0a0a0a0a0a0a0a0', '0202a0a0', '42424242****4242', '366',
    '신한카드', 0, '366', '신한카드', '366', '신한카드', 0, '추가 구매', 20000, 5000, 0, 'KRW', NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, 'PAID', NULL, '부분 환불', TRUE, 1767316000000,
    1767316001000, 0, 0, 1767317000000, 3);

INSERT INTO payment_attempts (merchant_id, idempotency_key, imp_uid, pg_provider, state,
    decline_code, decline_message, transaction_id, created_at, updated_at) VALUES
('mer_upgraded', 'mer_upgraded:imps_000000000201:1', 'imps_000000000201', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0201a0a0a0a0a0a0a0a0', 1767315600500, 1767315601000),
('mer_upgraded', 'mer_upgraded:imps_000000000202:1', 'imps_000000000202', 'sandbox', 'APPROVED',
    NULL, NULL, 'sbx_0202a0a0a0a0a0a0a0a0', 1767316000000, 1767316001000);

INSERT INTO cancellations (merchant_id, cancellation_id, imp_uid, amount, reason, state, pg_tid,
    created_at, cancelled_at, notify)
VALUES ('mer_upgraded', 'cncl_00000000000000000202', 'imps_000000000202', 5000, '부분 환불', 'DONE',
    'sbx_0202a0a0a0a0a0a0a0a0', 1767316999000, 1767317000000, TRUE);

INSERT INTO sandbox_charges (idempotency_key, token, amount, currency, outcome, decline_code,
    transaction_id, cancelled_amount, created_at) VALUES
('mer_upgraded:imps_000000000201:1', 'sbk_0a0b0c0d0e0f101112131415', 12000, 'KRW', 'approved',
    NULL, 'sbx_0201a0a0a0a0a0a0a0a0', 0, 1767315601000),
('mer_upgraded:imps_000000000202:1', 'sbk_0a0b0c0d0e0f101112131415', 20000, 'KRW', 'approved',
    NULL, 'sbx_0202a0a0a0a0a0a0a0a0', 5000, 1767316001000);

INSERT INTO sandbox_cancellations (idempotency_key, transaction_id, amount, created_at)
VALUES ('mer_upgraded:cncl_00000000000000000202', 'sbx_0202a0a0a0a0a0a0a0a0', 5000, 1767317000000);

INSERT INTO webhook_secrets (merchant_id, secret, created_at, expires_at)
VALUES ('mer_upgraded', 'whsec_c2VjcmV0LWtlcHQtc2luY2UtdjItb2YtcGF5Y3Jvbg==', 1767312000000, NULL);

-- The schedule's payment event was delivered at once; the refund's failed for good.
INSERT INTO events (merchant_id, event_id, type, object_id, object_version, payload, created_at)
VALUES
('mer_upgraded', 'msg_0201a0a0a0a0a0a0a0a0a0', 'payment.paid', 'imps_000000000201', 2,
    '{"imp_uid":"imps_000000000201","merchant_uid":"order_v2_executed","status":"paid"}',
    1767315601000),
('mer_upgraded', 'msg_0202a0a0a0a0a0a0a0a0a0', 'payment.cancelled', 'imps_000000000202', 3,
    '{"imp_uid":"imps_000000000202","merchant_uid":"order_v2_refunded_in_part","status":"cancelled","cancellation_id":"cncl_00000000000000000202"}',
    1767317000000);

INSERT INTO webhook_deliveries (merchant_id, event_id, url, status, attempts, next_attempt_at,
    lease_until, delivered_at, created_at, updated_at) VALUES
('mer_upgraded', 'msg_0201a0a0a0a0a0a0a0a0a0', 'https://merchant.example/notice', 'DELIVERED', 1,
    1767315601000, NULL, 1767315601200, 1767315601000, 1767315601200),
('mer_upgraded', 'msg_0202a0a0a0a0a0a0a0a0a0', 'https://merchant.example/notice', 'FAILED', 2,
    1767320600000, NULL, 0, 1767317000000, 1767320600000);

INSERT INTO webhook_attempts (merchant_id, event_id, attempt, started_at, duration_ms,
    status_code, error, response_body) VALUES
('mer_upgraded', 'msg_0201a0a0a0a0a0a0a0a0a0', 1, 1767315601000, 200, 200, NULL, 'ok'),
('mer_upgraded', 'msg_0202a0a0a0a0a0a0a0a0a0', 1, 1767317000000, 31, 500, NULL, 'oops'),
('mer_upgraded', 'msg_0202a0a0a0a0a0a0a0a0a0', 2, 1767320600000, 30000, NULL,
    'timed out after 30 s', NULL);
