-- What the V6 release wrote when a customer on a test clock subscribed to a monthly plan (dumped
-- from a V6 server after those API calls): the clock, the plan, the subscription, its first
-- charge booked as a schedule on the clock (so not in schedule_queue), and the outbox event.
-- Inserted at V6 after V1.sql to V5.sql; see V1.sql.

INSERT INTO test_clocks (merchant_id, test_clock_id, name, frozen_time, status, advancing_until,
    created_at, updated_at, version)
VALUES ('mer_upgraded', 'clock_386d255bd0f10ffc12e94d85', 'renewals', 1780272000000, 'READY', 0,
    1796283917817, 1796283917817, 4);

INSERT INTO sandbox_billing_keys (token, scenario, card_number, created_at, deleted_at)
VALUES ('sbk_2aa2b2ff17bd33b7d0fdce4a', 'APPROVE', '42424242****4242', 1796283917817, NULL);

INSERT INTO billing_keys (merchant_id, customer_uid, pg_provider, pg_id, gateway_token,
    card_number, card_code, card_name, card_type, card_issuer_code, card_issuer_name,
    card_publisher_code, card_publisher_name, customer_id, customer_name, customer_tel,
    customer_email, customer_addr, customer_postcode, inserted_at, updated_at)
VALUES ('mer_upgraded', 'cust_v6', 'sandbox', 'sandbox', 'sbk_2aa2b2ff17bd33b7d0fdce4a',
    '42424242****4242', '366', '신한카드', 0, '366', '신한카드', '366', '신한카드', NULL, NULL, NULL,
    NULL, NULL, NULL, 1796283917817, 1796283917817);

INSERT INTO test_clock_customers (merchant_id, customer_uid, test_clock_id)
VALUES ('mer_upgraded', 'cust_v6', 'clock_386d255bd0f10ffc12e94d85');

INSERT INTO plans (merchant_id, plan_id, name, amount, currency, interval_unit, interval_count,
    trial_days, name_template, soft_retry_days, after_retries, on_hard_decline, created_at)
VALUES ('mer_upgraded', 'plan_v6_monthly', 'Monthly', 9900, 'KRW', 'MONTH', 1, 0, '{plan}',
    '1,3,5,7', 'UNPAID', 'PAST_DUE', 1796283917817);

INSERT INTO subscriptions (merchant_id, subscription_id, customer_uid, plan_id, next_plan_id,
    time_zone, anchor_at, grid_start, grid_period, status, period, collecting_period,
    current_period_start, current_period_end, trial_end, first_failed_at, attempts,
    pending_merchant_uid, next_billing_at, cancel_at, canceled_at, test_clock_id, created_at,
    updated_at, version)
VALUES ('mer_upgraded', 'sub_v6', 'cust_v6', 'plan_v6_monthly', NULL, 'Asia/Seoul',
    1780358400000, 1780358400000, 1, 'ACTIVE', 0, 1, 0, 0, 0, 0, 0, 'sub_v6-p1', 1780358400000, 0,
    0, 'clock_386d255bd0f10ffc12e94d85', 1780272000000, 1780272000000, 1);

INSERT INTO subscription_charges (merchant_id, merchant_uid, subscription_id, period, attempt,
    plan_id, period_start, period_end, created_at)
VALUES ('mer_upgraded', 'sub_v6-p1', 'sub_v6', 1, 0, 'plan_v6_monthly', 1780358400000,
    1782950400000, 1780272000000);

INSERT INTO schedules (merchant_id, merchant_uid, customer_uid, customer_id, schedule_at, amount,
    currency, name, buyer_name, buyer_email, buyer_tel, buyer_addr, buyer_postcode, custom_data,
    notice_url, card_quota, promotion_id, pg_provider, pg_id, status, payment_status, imp_uid,
    fail_reason, executed_at, revoked_at, claimed_by, lease_until, created_at, updated_at, version,
    test_clock_id)
VALUES ('mer_upgraded', 'sub_v6-p1', 'cust_v6', NULL, 1780358400000, 9900, 'KRW', 'Monthly', NULL,
    NULL, NULL, NULL, NULL, '{"subscription_id":"sub_v6","period":1}', NULL, 0, NULL, 'sandbox',
    'sandbox', 'SCHEDULED', NULL, NULL, NULL, 0, 0, NULL, NULL, 1780272000000, 1780272000000, 1,
    'clock_386d255bd0f10ffc12e94d85');

INSERT INTO events (merchant_id, event_id, type, object_id, object_version, payload, created_at)
VALUES ('mer_upgraded', 'msg_a876720deb0769e129aa44bb', 'subscription.created', 'sub_v6', 1,
    '{"type":"subscription.created","subscription":{"subscription_id":"sub_v6","customer_uid":"cust_v6","plan_id":"plan_v6_monthly","next_plan_id":null,"status":"active","time_zone":"Asia/Seoul","anchor_at":1780358400,"period":0,"current_period_start":0,"current_period_end":0,"trial_end":0,"next_billing_at":1780358400,"next_merchant_uid":"sub_v6-p1","failed_attempts":0,"cancel_at_period_end":false,"cancel_at":0,"canceled_at":0,"test_clock_id":"clock_386d255bd0f10ffc12e94d85","created_at":1780272000,"updated_at":1780272000,"version":1}}',
    1780272000000);
