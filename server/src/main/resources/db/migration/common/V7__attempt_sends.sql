-- How often an attempt went to its gateway, and when last. The reconciler sends a scheduled charge
-- that the network has no record of again with the same idempotency key, but only a few times and
-- a gateway timeout apart; it used to resend such a charge on every pass, for ever.
ALTER TABLE payment_attempts ADD COLUMN sends INTEGER NOT NULL DEFAULT 1;
ALTER TABLE payment_attempts ADD COLUMN last_sent_at BIGINT;
