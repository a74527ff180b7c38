package io.paycron;

/** Sandbox (the default, with the public test merchant and test cards) or production. */
public enum RuntimeMode {
  SANDBOX,
  PRODUCTION;

  public boolean isSandbox() {
    return this == SANDBOX;
  }
}
