-- A merchant's configuration of a card gateway, selected by a request's pg value ("tosspayments",
-- "tosspayments.{mid}"). Credentials are stored sealed with PAYCRON_ENCRYPTION_KEY, never in clear.
CREATE TABLE merchant_gateways (
    merchant_id  TEXT    NOT NULL REFERENCES merchants (id),
    pg           TEXT    NOT NULL,
    provider     TEXT    NOT NULL,
    base_url     TEXT,
    credentials  TEXT    NOT NULL,
    is_default   BOOLEAN NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, pg)
);
