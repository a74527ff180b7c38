package io.paycron.customer;

/** The buyer fields kept with a billing key; charges default their buyer fields to these. */
public record CustomerDetails(
    String customerId, String name, String tel, String email, String addr, String postcode) {}
