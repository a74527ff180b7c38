package io.paycron.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Fans calls out over a pool and collects the answers in order: a batch of gateway calls. */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs {@code call} for every item on {@code pool} and answers in the items' order. A call that
   * throws is answered by {@code onFailure} with its exception; if this thread is interrupted while
   * waiting, the answers not yet in are {@code onFailure} of an {@link InterruptedException} (the
   * interrupt is kept).
   */
  public static <T, R> List<R> map(
      ExecutorService pool, List<T> items, Function<T, R> call, Function<Throwable, R> onFailure) {
    List<Future<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> call.apply(item)));
    }
    List<R> answers = new ArrayList<>();
    for (Future<R> future : futures) {
      try {
        answers.add(future.get());
      } catch (ExecutionException e) {
        answers.add(onFailure.apply(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answers.add(onFailure.apply(e));
      }
    }
    return answers;
  }
}
