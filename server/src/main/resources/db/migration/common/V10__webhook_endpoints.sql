-- Webhook endpoints per merchant: each receives the events of its types, with its own delivery
-- row. The legacy target of an event (its notice_url, else the merchant's default URL) keeps its
-- own delivery row with endpoint_id '' (empty), exactly as before. Portable SQL; times are epoch
-- milliseconds.

CREATE TABLE webhook_endpoints (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    endpoint_id     TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    -- space-separated event types; '*' = every type, 'group.*' = every type of a group
    event_types     TEXT    NOT NULL,
    enabled         BOOLEAN NOT NULL,
    description     TEXT,
    -- since when every attempt failed (no success since); NULL while it is healthy
    failing_since   BIGINT,
    disabled_at     BIGINT,
    disabled_reason TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    version         BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, endpoint_id)
);
-- The auto-disable sweep reads only failing, enabled endpoints.
CREATE INDEX webhook_endpoints_failing ON webhook_endpoints (failing_since)
    WHERE failing_since IS NOT NULL AND enabled;

-- One delivery row per (event, endpoint): the primary key gains endpoint_id. Rebuilt rather than
-- altered, as SQLite cannot change a primary key; existing rows are the legacy target ('').
CREATE TABLE webhook_deliveries_v10 (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    event_id        TEXT    NOT NULL,
    -- DEFAULT '': a node of the previous version, which does not know the column, still writes
    -- its (legacy-target) rows. Stop every node before upgrading all the same: see
    -- docs/operations.md, "Upgrading" (rows written during the copy below would be lost).
    endpoint_id     TEXT    NOT NULL DEFAULT '',
    url             TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    delivered_at    BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, event_id, endpoint_id)
);
INSERT INTO webhook_deliveries_v10 (merchant_id, event_id, endpoint_id, url, status, attempts,
    next_attempt_at, lease_until, delivered_at, created_at, updated_at)
SELECT merchant_id, event_id, '', url, status, attempts, next_attempt_at, lease_until,
    delivered_at, created_at, updated_at
FROM webhook_deliveries;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_v10 RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (lease_until)
    WHERE status = 'DELIVERING';
-- Bulk replay and the console's delivery list: one merchant's (or endpoint's) deliveries by time.
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (merchant_id, endpoint_id,
    created_at);

-- The delivery log, per (event, endpoint) too.
CREATE TABLE webhook_attempts_v10 (
    merchant_id   TEXT    NOT NULL REFERENCES merchants (id),
    event_id      TEXT    NOT NULL,
    endpoint_id   TEXT    NOT NULL DEFAULT '',
    attempt       INTEGER NOT NULL,
    started_at    BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL,
    status_code   INTEGER,
    error         TEXT,
    response_body TEXT,
    PRIMARY KEY (merchant_id, event_id, endpoint_id, attempt)
);
INSERT INTO webhook_attempts_v10 (merchant_id, event_id, endpoint_id, attempt, started_at,
    duration_ms, status_code, error, response_body)
SELECT merchant_id, event_id, '', attempt, started_at, duration_ms, status_code, error,
    response_body
FROM webhook_attempts;
DROP TABLE webhook_attempts;
ALTER TABLE webhook_attempts_v10 RENAME TO webhook_attempts;
