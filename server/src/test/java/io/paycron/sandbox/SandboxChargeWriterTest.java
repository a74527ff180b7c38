package io.paycron.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.Servers;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Group commit of the sandbox network's charges, under real concurrency on both databases. */
class SandboxChargeWriterTest {

  private static final Servers servers = new Servers();

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyKeyIsRecordedOnceAndOnlyItsFirstCallerHearsItIsNew(TestDatabase database)
      throws Exception {
    TestServer server = servers.on(database);
    SandboxChargeWriter writer = server.bean(SandboxChargeWriter.class);
    String prefix = "gc_" + database.name().toLowerCase() + "_" + System.nanoTime() + "_";
    int threads = 16;
    int keys = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // every thread sends every key, each from its own starting point: one call per key is new
      List<Future<Integer>> newPerThread = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        newPerThread.add(
            pool.submit(
                () -> {
                  int fresh = 0;
                  for (int k = 0; k < keys; k++) {
                    int key = (k + thread * 13) % keys;
                    SandboxLedger.Charge charge =
                        new SandboxLedger.Charge(
                            prefix + key, "tok", 1000, "KRW", "approved", null, "tx" + key, 0);
                    if (writer.insertOnce(charge, 1L)) {
                      fresh++;
                    }
                  }
                  return fresh;
                }));
      }
      int fresh = 0;
      for (Future<Integer> f : newPerThread) {
        fresh += f.get();
      }
      assertThat(fresh).isEqualTo(keys);
      assertThat(server.bean(SandboxGateway.class).countCharges(prefix)).isEqualTo(keys);
    } finally {
      pool.shutdownNow();
    }
  }
}
