package io.paycron.merchant;

/** The merchant a request acts for; controllers receive it as a method parameter. */
public record Merchant(String id, String name, boolean sandbox) {}
