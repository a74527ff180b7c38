package io.paycron.console;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates operator accounts and checks their passwords (bcrypt; the password is never stored). */
@Service
class Operators {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final String INVALID_NAME = "(invalid name)";
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final OperatorRepository operators;
  private final Clock clock;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

  /**
   * Compared against when the name is unknown, so a wrong name costs as long as a wrong password
   * and the answer time does not tell which names exist.
   */
  private final String unknownUserHash;

  Operators(OperatorRepository operators, Clock clock) {
    this.operators = operators;
    this.clock = clock;
    this.unknownUserHash = encoder.encode("no such operator, never matches");
  }

  /**
   * Creates an operator; false when one of that name exists already.
   *
   * @throws IllegalArgumentException when the name or the password is not acceptable
   */
  boolean create(String username, String password) {
    requireValid(username, password);
    return operators.insert(username, encoder.encode(password), clock.millis());
  }

  static void requireValid(String username, String password) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "operator name: 1-64 characters of letters, digits and . _ @ -");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "operator password: at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }

  /** The operator's name when the password is right and the account is enabled. */
  Optional<String> authenticate(String username, String password) {
    if (username == null || password == null || password.length() > 1000) {
      return Optional.empty();
    }
    Optional<OperatorRepository.Operator> operator = operators.find(username);
    boolean matches =
        encoder.matches(
            password,
            operator.map(OperatorRepository.Operator::passwordHash).orElse(unknownUserHash));
    return operator
        .filter(o -> matches && !o.disabled())
        .map(OperatorRepository.Operator::username);
  }

  /**
   * The name as the audit log and the log may show it after a failed login: only an existing
   * operator's well-formed name, never what was typed (a password in the wrong field, line breaks).
   */
  String recordableName(String username) {
    return username != null
            && USERNAME.matcher(username).matches()
            && operators.find(username).isPresent()
        ? username
        : INVALID_NAME;
  }

  boolean anyExists() {
    return operators.count() > 0;
  }
}
