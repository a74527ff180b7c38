package io.paycron.web;

/** A 1-based page and its size, validated from the query. */
public record PageRequest(int page, int limit) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 1000;

  public static PageRequest from(ApiRequest query) {
    int page = query.integer("page").orElse(1);
    int limit = query.integer("limit").orElse(DEFAULT_LIMIT);
    if (page < 1) {
      throw new ApiException.InvalidRequest("page: must be 1 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ApiException.InvalidRequest("limit: must be between 1 and " + MAX_LIMIT);
    }
    return new PageRequest(page, limit);
  }

  public long offset() {
    return (long) (page - 1) * limit;
  }
}
