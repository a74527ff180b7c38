-- The operator console (/console): its own accounts, and the log of every action taken in it.
-- Operators are not merchant data: one operator sees every merchant.

CREATE TABLE operators (
    username      TEXT    NOT NULL PRIMARY KEY,
    -- bcrypt; the password itself is never stored
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    disabled      BOOLEAN NOT NULL
);

-- Who did what, when, to which merchant's object. merchant_id is empty for actions on the console
-- itself (login, logout).
CREATE TABLE audit_log (
    id          TEXT   NOT NULL PRIMARY KEY,
    operator    TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    merchant_id TEXT,
    object_id   TEXT,
    detail      TEXT,
    at          BIGINT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
