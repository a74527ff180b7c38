-- The schedules still due move to a narrow queue of their own. Claiming deletes a queue row (no
-- index entries written) and marks the schedule executing without changing any indexed column of
-- schedules, so PostgreSQL writes both changes of an execution to a schedule in place (HOT). With
-- the due index on schedules itself, its predicate read status, and each of the two writes put an
-- entry into every index of schedules.
--
-- Invariant: a schedule has a queue row exactly while its status is SCHEDULED. Whoever takes a
-- schedule out of SCHEDULED (claim, revoke) deletes its queue row first, in the same transaction,
-- so the row's lock orders them: a schedule is claimed or revoked, never both.
CREATE TABLE schedule_queue (
    merchant_id  TEXT   NOT NULL,
    merchant_uid TEXT   NOT NULL,
    schedule_at  BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, merchant_uid)
);
CREATE INDEX schedule_queue_due ON schedule_queue (schedule_at);
INSERT INTO schedule_queue (merchant_id, merchant_uid, schedule_at)
SELECT merchant_id, merchant_uid, schedule_at FROM schedules WHERE status = 'SCHEDULED';
DROP INDEX schedules_due;
