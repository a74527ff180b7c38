-- A settlement can be written in place (HOT) only if the row's page has room for the new version:
-- leave a fifth of each page of payments free for that. PostgreSQL only; SQLite updates in place.
ALTER TABLE payments SET (fillfactor = 80);
