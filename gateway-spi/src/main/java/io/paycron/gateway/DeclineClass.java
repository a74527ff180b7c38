package io.paycron.gateway;

/** Whether retrying a declined charge later can succeed. */
public enum DeclineClass {
  /** Insufficient funds, limit exceeded, issuer unavailable: a later retry may succeed. */
  SOFT,
  /** Stolen, expired or closed card: retrying will not help. */
  HARD
}
