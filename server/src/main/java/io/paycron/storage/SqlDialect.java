package io.paycron.storage;

import java.sql.SQLException;

/** The few places where PostgreSQL and SQLite SQL differ. */
public enum SqlDialect {
  POSTGRESQL,
  SQLITE;

  /**
   * The suffix of a sub-select that claims rows: PostgreSQL skips rows another node has locked;
   * SQLite has a single writer (transactions begin IMMEDIATE), so nothing is needed there.
   */
  public String skipLocked() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }

  /**
   * The suffix of a select that locks the rows it reads until the transaction ends (PostgreSQL);
   * SQLite's single writer holds the whole database already.
   */
  public String forUpdate() {
    return this == POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** Whether an exception (or one of its causes) is a unique-constraint violation. */
  public boolean isUniqueViolation(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.dao.DuplicateKeyException) {
        return true;
      }
      // a batch reports the failing statement's error as the "next" exception
      if (t instanceof SQLException batch
          && batch.getNextException() != null
          && isUniqueViolation(batch.getNextException())) {
        return true;
      }
      if (t instanceof SQLException sql) {
        if ("23505".equals(sql.getSQLState())) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("UNIQUE constraint failed")
            || message.contains("PRIMARYKEY")
            || message.contains("SQLITE_CONSTRAINT_UNIQUE")) {
          return true;
        }
      }
    }
    return false;
  }
}
