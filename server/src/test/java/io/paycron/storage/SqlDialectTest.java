package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class SqlDialectTest {

  @Test
  void recognisesUniqueViolationsFromEitherDatabaseAlsoInsideABatch() {
    SQLException postgres = new SQLException("duplicate key", "23505");
    SQLException sqlite = new SQLException("[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed");
    BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
    batch.setNextException(postgres);
    assertThat(SqlDialect.POSTGRESQL.isUniqueViolation(new RuntimeException(postgres))).isTrue();
    assertThat(SqlDialect.SQLITE.isUniqueViolation(new RuntimeException(sqlite))).isTrue();
    assertThat(
            SqlDialect.POSTGRESQL.isUniqueViolation(
                new DataIntegrityViolationException("x", batch)))
        .isTrue();
    assertThat(SqlDialect.POSTGRESQL.isUniqueViolation(new SQLException("deadlock", "40P01")))
        .isFalse();
  }
}
