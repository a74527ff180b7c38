package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * The body of {@code POST /subscribe/customers/{customer_uid}}: a card plus optional details of its
 * holder, which become the default buyer fields of later charges.
 */
public record CardRequest(
    @JsonUnwrapped Card card,
    String customerId,
    String customerName,
    String customerTel,
    String customerEmail,
    String customerAddr,
    String customerPostcode) {

  public CardRequest {
    Objects.requireNonNull(card, "card");
  }

  public static CardRequest of(Card card) {
    return new CardRequest(card, null, null, null, null, null, null);
  }

  public CardRequest withCustomerId(String value) {
    return new CardRequest(
        card, value, customerName, customerTel, customerEmail, customerAddr, customerPostcode);
  }

  public CardRequest withCustomerName(String value) {
    return new CardRequest(
        card, customerId, value, customerTel, customerEmail, customerAddr, customerPostcode);
  }

  public CardRequest withCustomerTel(String value) {
    return new CardRequest(
        card, customerId, customerName, value, customerEmail, customerAddr, customerPostcode);
  }

  public CardRequest withCustomerEmail(String value) {
    return new CardRequest(
        card, customerId, customerName, customerTel, value, customerAddr, customerPostcode);
  }

  public CardRequest withCustomerAddr(String value) {
    return new CardRequest(
        card, customerId, customerName, customerTel, customerEmail, value, customerPostcode);
  }

  public CardRequest withCustomerPostcode(String value) {
    return new CardRequest(
        card, customerId, customerName, customerTel, customerEmail, customerAddr, value);
  }
}
