-- Portable SQL for PostgreSQL and SQLite. Times are epoch milliseconds (BIGINT), money is BIGINT
-- minor units with a currency code. Every merchant-owned table starts its key with merchant_id.

CREATE TABLE merchants (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    sandbox     BOOLEAN NOT NULL,
    webhook_url TEXT,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE api_keys (
    merchant_id TEXT   NOT NULL REFERENCES merchants (id),
    imp_key     TEXT   NOT NULL,
    secret_hash TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT,
    PRIMARY KEY (merchant_id, imp_key)
);
CREATE UNIQUE INDEX api_keys_by_key ON api_keys (imp_key);

CREATE TABLE access_tokens (
    merchant_id TEXT   NOT NULL REFERENCES merchants (id),
    token_hash  TEXT   NOT NULL,
    imp_key     TEXT   NOT NULL,
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, token_hash)
);
CREATE UNIQUE INDEX access_tokens_by_hash ON access_tokens (token_hash);

-- A billing key: the gateway's token and what may be shown of the card. Never the card number,
-- birth date or password.
CREATE TABLE billing_keys (
    merchant_id       TEXT   NOT NULL REFERENCES merchants (id),
    customer_uid      TEXT   NOT NULL,
    pg_provider       TEXT   NOT NULL,
    pg_id             TEXT,
    gateway_token     TEXT   NOT NULL,
    card_number       TEXT,
    card_code         TEXT,
    card_name         TEXT,
    card_type         INTEGER,
    card_issuer_code  TEXT,
    card_issuer_name  TEXT,
    card_publisher_code TEXT,
    card_publisher_name TEXT,
    customer_id       TEXT,
    customer_name     TEXT,
    customer_tel      TEXT,
    customer_email    TEXT,
    customer_addr     TEXT,
    customer_postcode TEXT,
    inserted_at       BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, customer_uid)
);

CREATE TABLE payments (
    merchant_id         TEXT    NOT NULL REFERENCES merchants (id),
    imp_uid             TEXT    NOT NULL,
    merchant_uid        TEXT    NOT NULL,
    customer_uid        TEXT,
    customer_uid_usage  TEXT,
    pg_provider         TEXT    NOT NULL,
    pg_id               TEXT,
    pg_tid              TEXT,
    apply_num           TEXT,
    card_number         TEXT,
    card_code           TEXT,
    card_name           TEXT,
    card_type           INTEGER,
    card_issuer_code    TEXT,
    card_issuer_name    TEXT,
    card_publisher_code TEXT,
    card_publisher_name TEXT,
    card_quota          INTEGER NOT NULL,
    name                TEXT,
    amount              BIGINT  NOT NULL,
    cancel_amount       BIGINT  NOT NULL,
    -- refunds sent to the gateway and not yet refused: guards against refunding more than paid
    cancel_reserved     BIGINT  NOT NULL,
    currency            TEXT    NOT NULL,
    buyer_name          TEXT,
    buyer_email         TEXT,
    buyer_tel           TEXT,
    buyer_addr          TEXT,
    buyer_postcode      TEXT,
    custom_data         TEXT,
    notice_url          TEXT,
    status              TEXT    NOT NULL,
    fail_reason         TEXT,
    cancel_reason       TEXT,
    sandbox             BOOLEAN NOT NULL,
    started_at          BIGINT  NOT NULL,
    paid_at             BIGINT  NOT NULL,
    failed_at           BIGINT  NOT NULL,
    cancelled_at        BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    version             BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, imp_uid)
);
-- A merchant_uid is spent by a ready (in progress), paid or cancelled payment; only failed ones
-- may repeat. This index is what makes two concurrent charges of one merchant_uid impossible.
CREATE UNIQUE INDEX payments_live_merchant_uid ON payments (merchant_id, merchant_uid)
    WHERE status <> 'FAILED';
CREATE INDEX payments_by_merchant_uid ON payments (merchant_id, merchant_uid, started_at);
CREATE INDEX payments_by_status ON payments (merchant_id, status, started_at);
CREATE INDEX payments_by_started ON payments (merchant_id, started_at);
CREATE INDEX payments_by_customer ON payments (merchant_id, customer_uid, started_at);

-- One try to charge a payment at the gateway. The row (with its idempotency key) commits before
-- the gateway is called.
CREATE TABLE payment_attempts (
    merchant_id     TEXT   NOT NULL REFERENCES merchants (id),
    idempotency_key TEXT   NOT NULL,
    imp_uid         TEXT   NOT NULL,
    pg_provider     TEXT   NOT NULL,
    state           TEXT   NOT NULL,
    decline_code    TEXT,
    decline_message TEXT,
    transaction_id  TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key)
);
CREATE UNIQUE INDEX payment_attempts_by_key ON payment_attempts (idempotency_key);
CREATE INDEX payment_attempts_by_payment ON payment_attempts (merchant_id, imp_uid);
CREATE INDEX payment_attempts_unsettled ON payment_attempts (state, updated_at)
    WHERE state IN ('SENDING', 'UNKNOWN');

CREATE TABLE cancellations (
    merchant_id     TEXT   NOT NULL REFERENCES merchants (id),
    cancellation_id TEXT   NOT NULL,
    imp_uid         TEXT   NOT NULL,
    amount          BIGINT NOT NULL,
    reason          TEXT,
    state           TEXT   NOT NULL,
    pg_tid          TEXT,
    created_at      BIGINT NOT NULL,
    cancelled_at    BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, cancellation_id)
);
CREATE INDEX cancellations_by_payment ON cancellations (merchant_id, imp_uid, created_at);

-- The sandbox gateway's own memory: what a card network would remember. It plays an external
-- system, so it is keyed by gateway token and idempotency key rather than by merchant.
CREATE TABLE sandbox_billing_keys (
    token      TEXT   NOT NULL PRIMARY KEY,
    scenario   TEXT   NOT NULL,
    card_number TEXT  NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);

CREATE TABLE sandbox_charges (
    idempotency_key TEXT   NOT NULL PRIMARY KEY,
    token           TEXT   NOT NULL,
    amount          BIGINT NOT NULL,
    currency        TEXT   NOT NULL,
    outcome         TEXT   NOT NULL,
    decline_code    TEXT,
    transaction_id  TEXT   NOT NULL,
    cancelled_amount BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE sandbox_cancellations (
    idempotency_key TEXT   NOT NULL PRIMARY KEY,
    transaction_id  TEXT   NOT NULL,
    amount          BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);
