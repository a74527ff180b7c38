package com.example.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.merchant.Deduplicator.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  @Test
  void aDeliveryDoneOnceIsADuplicateAfterwards() {
    Deduplicator dedup = new Deduplicator(10);
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.FIRST);
    dedup.done("msg_1");
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.DONE);
    assertThat(dedup.claim("msg_2")).isEqualTo(Claim.FIRST);
  }

  @Test
  void aCopyArrivingWhileTheFirstIsProcessedIsToldToComeBack() {
    Deduplicator dedup = new Deduplicator(10);
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.FIRST);
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  void aFailedDeliveryIsProcessedAgainWhenPaycronRetriesIt() {
    Deduplicator dedup = new Deduplicator(10);
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.FIRST);
    dedup.release("msg_1");
    assertThat(dedup.claim("msg_1")).isEqualTo(Claim.FIRST);
  }

  @Test
  void forgetsTheOldestIdsBeyondItsCapacity() {
    Deduplicator dedup = new Deduplicator(2);
    for (String id : List.of("a", "b", "c")) {
      dedup.claim(id);
      dedup.done(id);
    }
    assertThat(dedup.claim("c")).isEqualTo(Claim.DONE);
    assertThat(dedup.claim("b")).isEqualTo(Claim.DONE);
    assertThat(dedup.claim("a")).isEqualTo(Claim.FIRST);
    assertThatThrownBy(() -> new Deduplicator(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofManyConcurrentCopiesExactlyOneIsProcessed() throws Exception {
    Deduplicator dedup = new Deduplicator(100);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return dedup.claim("msg_same");
                }));
      }
      start.countDown();
      int first = 0;
      for (Future<Claim> claim : claims) {
        first += claim.get() == Claim.FIRST ? 1 : 0;
      }
      assertThat(first).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
