-- Scheduled payments, the transactional outbox and webhook deliveries. Portable SQL for
-- PostgreSQL and SQLite; times are epoch milliseconds.

CREATE TABLE schedules (
    merchant_id       TEXT    NOT NULL REFERENCES merchants (id),
    merchant_uid      TEXT    NOT NULL,
    customer_uid      TEXT    NOT NULL,
    customer_id       TEXT,
    schedule_at       BIGINT  NOT NULL,
    amount            BIGINT  NOT NULL,
    currency          TEXT    NOT NULL,
    name              TEXT,
    buyer_name        TEXT,
    buyer_email       TEXT,
    buyer_tel         TEXT,
    buyer_addr        TEXT,
    buyer_postcode    TEXT,
    custom_data       TEXT,
    notice_url        TEXT,
    card_quota        INTEGER NOT NULL,
    promotion_id      TEXT,
    pg_provider       TEXT,
    pg_id             TEXT,
    -- SCHEDULED -> EXECUTING (claimed, payment and attempt persisted) -> EXECUTED; or REVOKED
    status            TEXT    NOT NULL,
    payment_status    TEXT,
    imp_uid           TEXT,
    fail_reason       TEXT,
    executed_at       BIGINT  NOT NULL,
    revoked_at        BIGINT  NOT NULL,
    claimed_by        TEXT,
    lease_until       BIGINT,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    version           BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, merchant_uid)
);
-- The claim statement reads only this index: due rows, oldest first.
CREATE INDEX schedules_due ON schedules (schedule_at) WHERE status = 'SCHEDULED';
CREATE INDEX schedules_by_customer ON schedules (merchant_id, customer_uid, schedule_at);
CREATE INDEX schedules_by_time ON schedules (merchant_id, schedule_at);
CREATE INDEX schedules_by_payment ON schedules (merchant_id, imp_uid);

-- Webhook signing secrets, per merchant; several may sign at once while a rotation overlaps.
CREATE TABLE webhook_secrets (
    merchant_id TEXT   NOT NULL REFERENCES merchants (id),
    secret      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT,
    PRIMARY KEY (merchant_id, secret)
);

-- The outbox: written in the same transaction as the state change it reports.
CREATE TABLE events (
    merchant_id    TEXT   NOT NULL REFERENCES merchants (id),
    event_id       TEXT   NOT NULL,
    type           TEXT   NOT NULL,
    object_id      TEXT   NOT NULL,
    object_version BIGINT NOT NULL,
    payload        TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, event_id)
);
CREATE INDEX events_by_object ON events (merchant_id, object_id, created_at);

-- One row per event and target URL: where its delivery stands.
CREATE TABLE webhook_deliveries (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    event_id        TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    delivered_at    BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (lease_until)
    WHERE status = 'DELIVERING';

-- The delivery log: every attempt, with what the receiver answered.
CREATE TABLE webhook_attempts (
    merchant_id   TEXT    NOT NULL REFERENCES merchants (id),
    event_id      TEXT    NOT NULL,
    attempt       INTEGER NOT NULL,
    started_at    BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    status_code   INTEGER,
    error         TEXT,
    response_body TEXT,
    PRIMARY KEY (merchant_id, event_id, attempt)
);

-- Whether a refund's webhook was asked for (enable_webhook), kept for the reconciler's retries.
ALTER TABLE cancellations ADD COLUMN notify BOOLEAN NOT NULL DEFAULT FALSE;
