package io.paycron.payment;

/** The buyer fields of a payment. */
public record Buyer(String name, String email, String tel, String addr, String postcode) {}
