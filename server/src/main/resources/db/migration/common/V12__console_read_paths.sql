-- What the operator console reads (docs/console.md). V4 dropped the attempts-by-payment index
-- because nothing read attempts by payment; the console's payment page now does, and its overview
-- counts outcomes by time over all merchants. Each index costs one write per inserted row only:
-- none of their columns change after the insert, so updates of an attempt's state stay cheap.
CREATE INDEX payment_attempts_by_payment ON payment_attempts (merchant_id, imp_uid);
-- covering: the overview's success rate and declines by code are read from the index alone
CREATE INDEX payment_attempts_by_time ON payment_attempts (created_at, state, decline_code);
CREATE INDEX webhook_attempts_by_time ON webhook_attempts (started_at, status_code);
