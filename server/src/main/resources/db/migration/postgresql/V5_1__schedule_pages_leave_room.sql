-- An execution writes its schedule twice; in place (HOT) only if the page has room: leave it.
ALTER TABLE schedules SET (fillfactor = 70);
