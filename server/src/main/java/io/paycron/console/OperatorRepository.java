package io.paycron.console;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operator accounts of the console. */
@Repository
class OperatorRepository {

  record Operator(String username, String passwordHash, long createdAt, boolean disabled) {}

  private final JdbcClient jdbc;

  OperatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the operator unless one of that name exists; true when it was inserted. */
  boolean insert(String username, String passwordHash, long now) {
    if (find(username).isPresent()) {
      return false;
    }
    jdbc.sql(
            """
            INSERT INTO operators (username, password_hash, created_at, disabled)
            VALUES (:username, :hash, :now, FALSE)
            """)
        .param("username", username)
        .param("hash", passwordHash)
        .param("now", now)
        .update();
    return true;
  }

  Optional<Operator> find(String username) {
    return jdbc.sql(
            """
            SELECT username, password_hash, created_at, disabled FROM operators
            WHERE username = :username
            """)
        .param("username", username)
        .query(
            (rs, n) ->
                new Operator(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
        .optional();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM operators").query(Long.class).single();
  }

  void setPassword(String username, String passwordHash) {
    jdbc.sql("UPDATE operators SET password_hash = :hash WHERE username = :username")
        .param("hash", passwordHash)
        .param("username", username)
        .update();
  }
}
