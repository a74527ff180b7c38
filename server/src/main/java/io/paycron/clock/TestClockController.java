package io.paycron.clock;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test clocks (API.md §10, sandbox only). Times are UNIX seconds. */
@RestController
class TestClockController {

  private final TestClocks clocks;
  private final ApiRequests requests;

  TestClockController(TestClocks clocks, ApiRequests requests) {
    this.clocks = clocks;
    this.requests = requests;
  }

  /** The wire shape of a test clock. */
  record TestClockResponse(
      String test_clock_id, String name, long frozen_time, String status, long created_at) {
    static TestClockResponse of(TestClock c) {
      return new TestClockResponse(
          c.testClockId(),
          c.name(),
          c.frozenTime() / 1000,
          c.advancing() ? "advancing" : "ready",
          c.createdAt() / 1000);
    }
  }

  @PostMapping("/paycron/v1/test_clocks")
  Envelope<TestClockResponse> create(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    return Envelope.ok(
        TestClockResponse.of(
            clocks.create(
                merchant, request.longValue("frozen_time"), request.string("name").orElse(null))));
  }

  @GetMapping("/paycron/v1/test_clocks/{id}")
  Envelope<TestClockResponse> get(Merchant merchant, @PathVariable("id") String id) {
    return Envelope.ok(TestClockResponse.of(clocks.get(merchant, id)));
  }

  @PostMapping("/paycron/v1/test_clocks/{id}/advance")
  Envelope<TestClockResponse> advance(
      Merchant merchant, @PathVariable("id") String id, HttpServletRequest http) {
    long to =
        requests
            .body(http)
            .longValue("frozen_time")
            .orElseThrow(
                () -> new ApiException.InvalidRequest("frozen_time: is required (UNIX seconds)"));
    return Envelope.ok(TestClockResponse.of(clocks.advance(merchant, id, to)));
  }
}
