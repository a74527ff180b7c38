package io.paycron.client;

import java.util.List;

/**
 * i'mport's paged list (API.md §7.4).
 *
 * @param previous the previous page number, {@code 0} when this is the first page
 * @param next the next page number, {@code 0} when this is the last page
 */
public record Page<T>(long total, int previous, int next, List<T> list) {

  public Page {
    list = list == null ? List.of() : List.copyOf(list);
  }

  public boolean hasNext() {
    return next > 0;
  }
}
