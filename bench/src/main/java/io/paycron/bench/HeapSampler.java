package io.paycron.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 100 ms. It is the whole JVM's heap, so it includes the harness (the
 * HTTP load generator, the webhook receiver) as well as Paycron or the reference.
 */
final class HeapSampler implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private HeapSampler() {
    thread = new Thread(this::run, "bench-heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling after a collection, so garbage from an earlier phase does not count. */
  static HeapSampler start() {
    System.gc();
    HeapSampler sampler = new HeapSampler();
    sampler.thread.start();
    return sampler;
  }

  long peakBytes() {
    return peak.get();
  }

  private void run() {
    while (running) {
      long used = memory.getHeapMemoryUsage().getUsed();
      peak.accumulateAndGet(used, Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
