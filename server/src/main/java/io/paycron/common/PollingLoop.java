package io.paycron.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that runs one pass of work again and again: at once while a pass found work,
 * otherwise after the poll interval or as soon as {@link #wake()} is called. A failing pass is
 * logged and retried; the loop never dies of it.
 */
public final class PollingLoop {

  private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

  private final String name;
  private final IntSupplier pass;
  private final long pollIntervalMs;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread thread;

  /**
   * @param pass does one unit of work and returns how much it found (0 = idle)
   */
  public PollingLoop(String name, long pollIntervalMs, IntSupplier pass) {
    this.name = name;
    this.pollIntervalMs = pollIntervalMs;
    this.pass = pass;
  }

  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops after the pass under way, waiting for it at most {@code waitMs}. */
  public synchronized void stop(long waitMs) {
    running = false;
    wake();
    if (thread != null) {
      try {
        thread.join(waitMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void run() {
    while (running) {
      int found = 0;
      try {
        found = pass.getAsInt();
      } catch (RuntimeException e) {
        log.warn("{} pass failed; will retry: {}", name, e.toString());
      }
      if (found == 0 && running) {
        synchronized (signal) {
          try {
            signal.wait(pollIntervalMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
