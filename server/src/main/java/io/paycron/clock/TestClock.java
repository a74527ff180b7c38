package io.paycron.clock;

/** A merchant's test clock. Times are epoch milliseconds. */
public record TestClock(
    String merchantId,
    String testClockId,
    String name,
    long frozenTime,
    boolean advancing,
    long createdAt,
    long version) {}
