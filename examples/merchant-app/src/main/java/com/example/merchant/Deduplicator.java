package com.example.merchant;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Drops webhooks seen before, by {@code webhook-id}: Paycron delivers at least once, so the same
 * event can arrive twice, even at the same time. An id counts as seen only once its work is done; a
 * delivery whose work failed is released, so Paycron's retry of it is processed.
 *
 * <p>Remembers the last {@code capacity} ids. Forgetting older ones is safe here because the
 * handler acts only on the charge a subscription still awaits; the ids only save the work.
 */
final class Deduplicator {

  /** What to do with a delivery. */
  enum Claim {
    /** Not seen before: process it, then {@link #done} or {@link #release}. */
    FIRST,
    /** Being processed by another delivery right now: ask Paycron to try again later. */
    IN_PROGRESS,
    /** Processed before: acknowledge it and do nothing. */
    DONE
  }

  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, Boolean> done;

  Deduplicator(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: at least 1, got " + capacity);
    }
    this.done =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Claim claim(String webhookId) {
    if (done.containsKey(webhookId)) {
      return Claim.DONE;
    }
    return inProgress.add(webhookId) ? Claim.FIRST : Claim.IN_PROGRESS;
  }

  /** The work for a {@link Claim#FIRST} delivery is done: later copies are {@link Claim#DONE}. */
  synchronized void done(String webhookId) {
    inProgress.remove(webhookId);
    done.put(webhookId, Boolean.TRUE);
  }

  /** The work failed: the next copy is {@link Claim#FIRST} again. */
  synchronized void release(String webhookId) {
    inProgress.remove(webhookId);
  }
}
