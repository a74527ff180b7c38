-- Test clocks (sandbox only): a merchant's own time for the customers attached to it.
CREATE TABLE test_clocks (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    test_clock_id   TEXT    NOT NULL,
    name            TEXT,
    frozen_time     BIGINT  NOT NULL,
    -- READY, or ADVANCING while one advance runs (until advancing_until, wall time, so a node
    -- that died mid-advance does not hold the clock forever)
    status          TEXT    NOT NULL,
    advancing_until BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    version         BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, test_clock_id)
);

CREATE TABLE test_clock_customers (
    merchant_id   TEXT NOT NULL,
    customer_uid  TEXT NOT NULL,
    test_clock_id TEXT NOT NULL,
    PRIMARY KEY (merchant_id, customer_uid)
);

-- A schedule of a customer on a test clock is due by that clock, not by the wall: it never enters
-- schedule_queue, and advancing the clock finds it here. The index reads no column that an
-- execution changes, so the executions of ordinary schedules stay HOT.
ALTER TABLE schedules ADD COLUMN test_clock_id TEXT;
CREATE INDEX schedules_on_test_clocks ON schedules (merchant_id, test_clock_id, schedule_at)
    WHERE test_clock_id IS NOT NULL;

CREATE TABLE plans (
    merchant_id     TEXT    NOT NULL REFERENCES merchants (id),
    plan_id         TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    amount          BIGINT  NOT NULL,
    currency        TEXT    NOT NULL,
    interval_unit   TEXT    NOT NULL,
    interval_count  INTEGER NOT NULL,
    trial_days      INTEGER NOT NULL,
    name_template   TEXT    NOT NULL,
    soft_retry_days TEXT    NOT NULL,
    after_retries   TEXT    NOT NULL,
    on_hard_decline TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, plan_id)
);

CREATE TABLE subscriptions (
    merchant_id          TEXT    NOT NULL REFERENCES merchants (id),
    subscription_id      TEXT    NOT NULL,
    customer_uid         TEXT    NOT NULL,
    plan_id              TEXT    NOT NULL,
    next_plan_id         TEXT,
    time_zone            TEXT    NOT NULL,
    anchor_at            BIGINT  NOT NULL,
    -- periods are counted from here: period n starts at grid_start + (n - grid_period) intervals
    -- of the plan, in the subscription's zone (re-anchored when a plan change takes effect)
    grid_start           BIGINT  NOT NULL,
    grid_period          INTEGER NOT NULL,
    status               TEXT    NOT NULL,
    period               INTEGER NOT NULL,
    -- the period whose charge is booked or being collected (0 when none is)
    collecting_period    INTEGER NOT NULL,
    current_period_start BIGINT  NOT NULL,
    current_period_end   BIGINT  NOT NULL,
    trial_end            BIGINT  NOT NULL,
    first_failed_at      BIGINT  NOT NULL,
    attempts             INTEGER NOT NULL,
    pending_merchant_uid TEXT,
    next_billing_at      BIGINT  NOT NULL,
    cancel_at            BIGINT  NOT NULL,
    canceled_at          BIGINT  NOT NULL,
    test_clock_id        TEXT,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL,
    version              BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, subscription_id)
);
CREATE INDEX subscriptions_by_customer ON subscriptions (merchant_id, customer_uid);
CREATE INDEX subscriptions_to_cancel ON subscriptions (cancel_at) WHERE cancel_at > 0;

-- Every charge a subscription made, retries included: a payment with one of these merchant_uids
-- (scheduled, or an `again` by the merchant) pays that subscription's period.
CREATE TABLE subscription_charges (
    merchant_id     TEXT    NOT NULL,
    merchant_uid    TEXT    NOT NULL,
    subscription_id TEXT    NOT NULL,
    period          INTEGER NOT NULL,
    attempt         INTEGER NOT NULL,
    plan_id         TEXT    NOT NULL,
    period_start    BIGINT  NOT NULL,
    period_end      BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (merchant_id, merchant_uid)
);
