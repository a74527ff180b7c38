package io.paycron.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database in the background, at most once per {@code maxAgeMs}, for gauges.
 * A scrape must never wait for the database: while it is unreachable the pool holds a read for its
 * connection timeout (30 s), longer than Prometheus waits for a scrape (10 s), and the node's every
 * metric would vanish exactly during the incident. So {@link #get()} starts a read when the value
 * is stale (one at a time: single-flight), waits for it at most {@code waitMs} counted from when
 * that read started (a healthy read takes milliseconds, so normally the answer is current), and
 * otherwise answers the last value (null before the first). After a failed read the next one waits
 * {@code maxAgeMs}. Age is measured on the monotonic timer (a test's frozen clock would keep a
 * value forever).
 */
public final class BackgroundReading<T> {

  private static final Logger log = LoggerFactory.getLogger(BackgroundReading.class);

  private final String name;
  private final Supplier<T> read;
  private final long maxAgeNanos;
  private final long waitNanos;
  private T value;
  private long nextReadAtNanos;
  private CompletableFuture<Void> inFlight;
  private long inFlightSinceNanos;

  public BackgroundReading(String name, long maxAgeMs, long waitMs, Supplier<T> read) {
    this.name = name;
    this.read = read;
    this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(maxAgeMs);
    this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMs);
    this.nextReadAtNanos = System.nanoTime();
  }

  /** The latest value read (null before the first), after a bounded wait for a fresh one. */
  public T get() {
    CompletableFuture<Void> pending;
    long waitUntil;
    synchronized (this) {
      long now = System.nanoTime();
      if (inFlight == null && now - nextReadAtNanos >= 0) {
        inFlightSinceNanos = now;
        inFlight = CompletableFuture.runAsync(this::readOnce, BackgroundReading::daemonThread);
      }
      if (inFlight == null) {
        return value;
      }
      pending = inFlight;
      waitUntil = inFlightSinceNanos + waitNanos;
    }
    long remaining = waitUntil - System.nanoTime();
    if (remaining > 0) {
      try {
        pending.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // still reading, or failed: the last value it is
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      return value;
    }
  }

  private void readOnce() {
    T fresh = null;
    try {
      fresh = read.get();
    } catch (RuntimeException e) {
      log.debug("{}: read failed, keeping the last value: {}", name, e.toString());
    } finally {
      synchronized (this) {
        if (fresh != null) {
          value = fresh;
        }
        nextReadAtNanos = System.nanoTime() + maxAgeNanos;
        inFlight = null;
      }
    }
  }

  /**
   * One short-lived thread per read: reads are rare (once per max age) and must not share a pool.
   */
  private static void daemonThread(Runnable task) {
    Thread thread = new Thread(task, "paycron-gauge-read");
    thread.setDaemon(true);
    thread.start();
  }
}
