package io.paycron.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the sandbox network's charges with group commit: concurrent charges wait while one caller
 * writes everything queued in one transaction, so a billing run's sixteen parallel calls cost the
 * database one commit per batch rather than one each. A caller returns only once its own charge is
 * committed (or failed), as a card network answers only after it has recorded the charge.
 */
@Component
class SandboxChargeWriter {

  private static final int MAX_BATCH = 1_000;

  private final SandboxLedger ledger;
  private final TransactionTemplate transactions;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  SandboxChargeWriter(SandboxLedger ledger, TransactionTemplate transactions) {
    this.ledger = ledger;
    this.transactions = transactions;
  }

  private record Pending(SandboxLedger.Charge charge, CompletableFuture<Boolean> inserted) {}

  /**
   * Records a charge once; returns false when its idempotency key was recorded before. Whoever
   * holds the lock writes; a caller that finds it taken leaves its charge to the holder, which
   * looks at the queue again after letting go.
   */
  boolean insertOnce(SandboxLedger.Charge charge, long now) {
    Pending pending = new Pending(charge, new CompletableFuture<>());
    queue.add(pending);
    while (!queue.isEmpty() && writing.tryLock()) {
      try {
        writeQueued(now);
      } finally {
        writing.unlock();
      }
    }
    try {
      return pending.inserted().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private void writeQueued(long now) {
    List<Pending> batch = new ArrayList<>();
    for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      Set<String> inserted =
          transactions.execute(
              tx -> {
                ledger.commitWithoutWaitingForDisk();
                return ledger.insertChargesOnce(batch.stream().map(Pending::charge).toList(), now);
              });
      // the same key twice in one batch: the first in the batch's order was written (rows are
      // inserted in order; the later one conflicts with it), so only its caller hears "new"
      batch.forEach(p -> p.inserted().complete(inserted.remove(p.charge().idempotencyKey())));
    } catch (RuntimeException e) {
      batch.forEach(p -> p.inserted().completeExceptionally(e));
    }
  }
}
