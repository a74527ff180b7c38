package io.paycron.customer;

import io.paycron.web.ApiRequest;

/** The buyer fields kept with a billing key; charges default their buyer fields to these. */
public record CustomerDetails(
    String customerId, String name, String tel, String email, String addr, String postcode) {

  public static CustomerDetails from(ApiRequest request) {
    return new CustomerDetails(
        request.string("customer_id").orElse(null),
        request.string("customer_name").orElse(null),
        request.string("customer_tel").orElse(null),
        request.string("customer_email").orElse(null),
        request.string("customer_addr").orElse(null),
        request.string("customer_postcode").orElse(null));
  }
}
