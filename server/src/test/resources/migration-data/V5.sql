-- What the V5 release wrote: a due schedule (in 2100) queued in schedule_queue as well. Inserted
-- at V5 after V1.sql to V4.sql; see V1.sql.

INSERT INTO schedules (merchant_id, merchant_uid, customer_uid, customer_id, schedule_at, amount,
    currency, name, buyer_name, buyer_email, buyer_tel, buyer_addr, buyer_postcode, custom_data,
    notice_url, card_quota, promotion_id, pg_provider, pg_id, status, payment_status, imp_uid,
    fail_reason, executed_at, revoked_at, claimed_by, lease_until, created_at, updated_at, version)
VALUES ('mer_upgraded', 'order_v5_due_2100', 'cust_v1', NULL, 4102531200000, 15000, 'KRW',
    '정기배송 2100년 1월 2일', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
    'SCHEDULED', NULL, NULL, NULL, 0, 0, NULL, NULL, 1767571200000, 1767571200000, 1);

INSERT INTO schedule_queue (merchant_id, merchant_uid, schedule_at)
VALUES ('mer_upgraded', 'order_v5_due_2100', 4102531200000);
