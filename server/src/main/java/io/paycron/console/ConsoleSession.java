package io.paycron.console;

import io.paycron.common.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What the console keeps in the HTTP session: the operator who logged in and a CSRF token. */
final class ConsoleSession {

  static final String OPERATOR = "paycron.console.operator";
  static final String CSRF = "paycron.console.csrf";
  static final String CSRF_PARAMETER = "_csrf";

  private ConsoleSession() {}

  /** The logged-in operator, or null. */
  static String operator(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(OPERATOR);
  }

  /** The session's CSRF token, made with the session (the login form needs one too). */
  static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(CSRF);
    if (token == null) {
      token = Secrets.randomHex(24);
      session.setAttribute(CSRF, token);
    }
    return token;
  }

  /** Whether the POST carries the session's CSRF token (compared in constant time). */
  static boolean csrfMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF);
    String given = request.getParameter(CSRF_PARAMETER);
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Logs the operator in on a new session id (an id fixed before login is worthless after it) and a
   * new CSRF token.
   */
  static void logIn(HttpServletRequest request, String operator) {
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(OPERATOR, operator);
    session.setAttribute(CSRF, Secrets.randomHex(24));
  }

  static void logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
