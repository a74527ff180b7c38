package io.paycron.schedule;

import io.paycron.support.PostgresSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures, for each SIGKILL, how long the schedules the dead node had claimed stay unsettled: from
 * the kill until every one of them is EXECUTED with a payment status. Polls the database on its own
 * thread so several kills can be pending at once.
 */
final class KillRecoveryWatch implements AutoCloseable {

  /** One kill and what it left behind. */
  static final class Kill {
    final int number;
    final String victim;
    final String nodeId;
    final int exitCode;
    final long killedAtNanos;
    final List<String> claimed;
    final long unsettledAtKill;
    final long deliveringAtKill;
    volatile long recoveredAtNanos;

    Kill(
        int number,
        String victim,
        String nodeId,
        int exitCode,
        long killedAtNanos,
        List<String> claimed,
        long unsettledAtKill,
        long deliveringAtKill) {
      this.number = number;
      this.victim = victim;
      this.nodeId = nodeId;
      this.exitCode = exitCode;
      this.killedAtNanos = killedAtNanos;
      this.claimed = claimed;
      this.unsettledAtKill = unsettledAtKill;
      this.deliveringAtKill = deliveringAtKill;
    }

    boolean recovered() {
      return recoveredAtNanos != 0;
    }

    long recoveryMillis() {
      return (recoveredAtNanos - killedAtNanos) / 1_000_000;
    }

    @Override
    public String toString() {
      return String.format(
          "kill %d: %s (%s) exit=%d, claimed in flight=%d, unsettled schedules=%d,"
              + " webhooks being delivered=%d, claimed settled after %s",
          number,
          victim,
          nodeId == null ? "node id unknown" : nodeId,
          exitCode,
          claimed.size(),
          unsettledAtKill,
          deliveringAtKill,
          recovered() ? recoveryMillis() + " ms" : "(not yet)");
    }
  }

  private final PostgresSchema db;
  private final List<Kill> kills = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "kill-recovery-watch");
            thread.setDaemon(true);
            return thread;
          });

  KillRecoveryWatch(PostgresSchema db) {
    this.db = db;
    poller.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
  }

  /**
   * Records a kill that just happened. Read after the process is gone, so the snapshot holds only
   * committed claims: a claim the node was still writing was rolled back by PostgreSQL when its
   * connections dropped, and those rows are due again for any node.
   */
  Kill recordKill(int number, String victim, String nodeId, int exitCode, long killedAtNanos) {
    List<String> claimed =
        nodeId == null
            ? db.strings("SELECT merchant_uid FROM schedules WHERE status = 'EXECUTING'")
            : db.strings(
                "SELECT merchant_uid FROM schedules WHERE status = 'EXECUTING' AND claimed_by = ?",
                nodeId);
    long unsettled =
        db.count(
            "SELECT COUNT(*) FROM schedules WHERE status IN ('SCHEDULED', 'EXECUTING')"
                + " OR payment_status IS NULL");
    long delivering =
        db.count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERING'");
    Kill kill =
        new Kill(number, victim, nodeId, exitCode, killedAtNanos, claimed, unsettled, delivering);
    kills.add(kill);
    return kill;
  }

  List<Kill> kills() {
    return List.copyOf(kills);
  }

  boolean allRecovered() {
    return kills.stream().allMatch(Kill::recovered);
  }

  private void poll() {
    for (Kill kill : kills) {
      if (kill.recovered()) {
        continue;
      }
      try {
        long open =
            kill.claimed.isEmpty()
                ? 0
                : db.count(
                    "SELECT COUNT(*) FROM schedules WHERE merchant_uid = ANY(?)"
                        + " AND (status <> 'EXECUTED' OR payment_status IS NULL)",
                    kill.claimed);
        if (open == 0) {
          kill.recoveredAtNanos = System.nanoTime(); // after the query: never flatters
        }
      } catch (RuntimeException e) {
        // a transient database error: the next poll measures again
      }
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
