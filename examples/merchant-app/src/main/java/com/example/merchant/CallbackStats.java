package com.example.merchant;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counts callbacks by what became of them, for {@code GET /stats} (and the end-to-end test). */
@Component
class CallbackStats {

  /** The counts at one moment. */
  record Snapshot(long verified, long rejected, long duplicates, long failed) {}

  private final AtomicLong verified = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** The signature checked out (duplicates included). */
  void verified() {
    verified.incrementAndGet();
  }

  /** Answered 401: missing headers, stale timestamp or no matching signature. */
  void rejected() {
    rejected.incrementAndGet();
  }

  /** A webhook-id seen before (or being processed). */
  void duplicate() {
    duplicates.incrementAndGet();
  }

  /** Our side failed (Paycron unreachable, …); answered 503 so that Paycron delivers it again. */
  void failed() {
    failed.incrementAndGet();
  }

  Snapshot snapshot() {
    return new Snapshot(verified.get(), rejected.get(), duplicates.get(), failed.get());
  }
}
