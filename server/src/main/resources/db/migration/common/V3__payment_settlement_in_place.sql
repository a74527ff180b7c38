-- Settling a payment (ready -> paid) now changes no indexed column, so PostgreSQL can update the
-- row in place without writing an entry into each of its indexes (a HOT update), the costliest
-- write of a billing run before this.
--
-- "One live payment per merchant_uid" moves from a unique index whose predicate read status to
-- live_uid: the merchant_uid while the payment is ready, paid or cancelled, NULL once it failed
-- (NULLs never collide in a unique index, so failed payments may repeat a merchant_uid).
ALTER TABLE payments ADD COLUMN live_uid TEXT;
UPDATE payments SET live_uid = merchant_uid WHERE status <> 'FAILED';
DROP INDEX payments_live_merchant_uid;
CREATE UNIQUE INDEX payments_live_uid ON payments (merchant_id, live_uid);

-- Listing by status reads payments_by_started (merchant, started_at) and filters: the lists are
-- bounded by a time window and a page, and an index on status made every settlement write to it.
DROP INDEX payments_by_status;
