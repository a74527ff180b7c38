package io.paycron.gateway.portone;

/**
 * PortOne gave no answer: a connect or read timeout, a refused or cut connection. Whether the
 * request took effect is unknown. The message names the operation and the cause, never the request
 * body (it may hold card data).
 */
final class PortOneUnreachable extends RuntimeException {

  PortOneUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
