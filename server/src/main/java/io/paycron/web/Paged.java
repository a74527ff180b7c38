package io.paycron.web;

import java.util.List;

/** i'mport's paged list: {@code previous}/{@code next} are page numbers, 0 when there is none. */
public record Paged<T>(long total, int previous, int next, List<T> list) {

  public static <T> Paged<T> of(long total, int page, int limit, List<T> list) {
    int previous = page > 1 ? page - 1 : 0;
    int next = (long) page * limit < total ? page + 1 : 0;
    return new Paged<>(total, previous, next, list);
  }
}
