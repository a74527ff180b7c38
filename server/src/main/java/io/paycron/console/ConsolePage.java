package io.paycron.console;

import java.util.List;

/**
 * One page of a list: the rows and whether more follow (a query asks for one row more than a page
 * to know, instead of counting them all).
 */
public record ConsolePage<T>(List<T> rows, int number, boolean hasNext) {

  static <T> ConsolePage<T> of(List<T> fetched, int number) {
    boolean more = fetched.size() > ConsoleParams.PAGE_SIZE;
    return new ConsolePage<>(
        more ? fetched.subList(0, ConsoleParams.PAGE_SIZE) : fetched, number, more);
  }

  public boolean hasPrevious() {
    return number > 1;
  }
}
