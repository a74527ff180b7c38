-- A known text sealed with PAYCRON_ENCRYPTION_KEY by the first node to start: every node opens it
-- at start and refuses to run with another key (which would seal secrets the others cannot read).
CREATE TABLE key_checks (
    purpose    TEXT   NOT NULL PRIMARY KEY,
    sealed     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
