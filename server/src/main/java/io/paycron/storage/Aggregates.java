package io.paycron.storage;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** Reading aggregates that SQL answers with one row even when there is nothing to aggregate. */
public final class Aggregates {

  private Aggregates() {}

  /** A MIN or MAX read as a list: its single row holds NULL when no row matched. */
  public static OptionalLong optionalLong(List<Long> rows) {
    return rows.stream().filter(Objects::nonNull).mapToLong(Long::longValue).findFirst();
  }
}
