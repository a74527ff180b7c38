package io.paycron.support;

import java.util.HashMap;
import java.util.Map;

/** Request bodies with the sandbox test cards of API.md §9. */
public final class Cards {

  public static final String APPROVE = "4242-4242-4242-4242";
  public static final String APPROVE_DIGITS = "4242424242424242";
  public static final String INSUFFICIENT_FUNDS = "4000-0000-0000-9995";
  public static final String STOLEN = "4000-0000-0000-9979";
  public static final String EXPIRED = "4000-0000-0000-0069";
  public static final String TIMEOUT_CHARGED = "4000-0000-0000-0119";
  public static final String TIMEOUT_NOT_CHARGED = "4000-0000-0000-0218";
  public static final String BIRTH = "880412";

  private Cards() {}

  public static Map<String, Object> card(String number) {
    Map<String, Object> body = new HashMap<>();
    body.put("card_number", number);
    body.put("expiry", "2031-12");
    body.put("birth", BIRTH);
    body.put("pwd_2digit", "12");
    return body;
  }
}
