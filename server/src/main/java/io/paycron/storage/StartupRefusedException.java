package io.paycron.storage;

/**
 * Paycron refuses to start, for a reason an operator can fix. Printed as one clear message rather
 * than a stack trace (see {@link StartupRefusedFailureAnalyzer}).
 */
public class StartupRefusedException extends RuntimeException {

  private final String action;

  public StartupRefusedException(String reason, String action) {
    super(reason);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
