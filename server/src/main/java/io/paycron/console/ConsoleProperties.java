package io.paycron.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's first operator: {@code PAYCRON_CONSOLE_USER} and {@code PAYCRON_CONSOLE_PASSWORD}
 * (created at start when no operator of that name exists). {@code addOperator} is set only by
 * {@code ./paycron operator add <name>}, which creates that operator (password from stdin) and
 * exits.
 */
@ConfigurationProperties("paycron.console")
record ConsoleProperties(String user, String password, String addOperator) {

  boolean hasConfiguredOperator() {
    return user != null && !user.isBlank();
  }

  /** The variable that is missing when only one of the pair is set (a mistake); null otherwise. */
  String missingHalf() {
    boolean hasUser = hasConfiguredOperator();
    boolean hasPassword = password != null && !password.isBlank();
    if (hasUser == hasPassword) {
      return null;
    }
    return hasUser ? "PAYCRON_CONSOLE_PASSWORD" : "PAYCRON_CONSOLE_USER";
  }

  boolean addsOperator() {
    return addOperator != null && !addOperator.isBlank();
  }
}
