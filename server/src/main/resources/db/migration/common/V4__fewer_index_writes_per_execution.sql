-- Fewer index entries written per execution (each schedule's run writes its schedule twice and
-- its attempt twice; every index of those tables takes an entry each time).

-- A refunded payment's schedule is found by its own key (the payment carries its merchant_uid).
DROP INDEX schedules_by_payment;

-- Attempts are keyed by their idempotency key alone, which is globally unique already (the
-- gateway knows attempts by it): one index instead of a primary key and a unique index. Nothing
-- reads attempts by payment.
CREATE TABLE payment_attempts_v4 (
    merchant_id     TEXT   NOT NULL REFERENCES merchants (id),
    idempotency_key TEXT   NOT NULL PRIMARY KEY,
    imp_uid         TEXT   NOT NULL,
    pg_provider     TEXT   NOT NULL,
    state           TEXT   NOT NULL,
    decline_code    TEXT,
    decline_message TEXT,
    transaction_id  TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
INSERT INTO payment_attempts_v4 (merchant_id, idempotency_key, imp_uid, pg_provider, state,
    decline_code, decline_message, transaction_id, created_at, updated_at)
SELECT merchant_id, idempotency_key, imp_uid, pg_provider, state, decline_code, decline_message,
    transaction_id, created_at, updated_at
FROM payment_attempts;
DROP TABLE payment_attempts;
ALTER TABLE payment_attempts_v4 RENAME TO payment_attempts;
CREATE INDEX payment_attempts_unsettled ON payment_attempts (state, updated_at)
    WHERE state IN ('SENDING', 'UNKNOWN');
