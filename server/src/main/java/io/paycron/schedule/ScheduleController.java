package io.paycron.schedule;

import io.paycron.merchant.Merchant;
import io.paycron.payment.ChargeInput;
import io.paycron.payment.PaymentQueries;
import io.paycron.payment.PaymentResponse;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import io.paycron.web.PageRequest;
import io.paycron.web.Paged;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled payments (API.md §5). */
@RestController
class ScheduleController {

  private static final Duration MAX_SPAN = Duration.ofDays(92);

  private final ScheduleService schedules;
  private final PaymentQueries payments;
  private final ApiRequests requests;

  ScheduleController(ScheduleService schedules, PaymentQueries payments, ApiRequests requests) {
    this.schedules = schedules;
    this.payments = payments;
    this.requests = requests;
  }

  @PostMapping("/subscribe/payments/schedule")
  Envelope<List<ScheduleResponse>> schedule(Merchant merchant, HttpServletRequest http) {
    return Envelope.ok(map(schedules.create(merchant, requests.body(http))));
  }

  @PostMapping("/subscribe/payments/unschedule")
  Envelope<List<ScheduleResponse>> unschedule(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    String customerUid =
        request
            .string("customer_uid")
            .filter(s -> !s.isBlank())
            .map(s -> ChargeInput.identifier(request, "customer_uid"))
            .orElse(null);
    List<String> merchantUids =
        request.strings("merchant_uid").stream().filter(s -> !s.isBlank()).toList();
    return Envelope.ok(map(schedules.unschedule(merchant, customerUid, merchantUids)));
  }

  @GetMapping("/subscribe/payments/schedule/{merchant_uid}")
  Envelope<ScheduleResponse> get(
      Merchant merchant, @PathVariable("merchant_uid") String merchantUid) {
    return Envelope.ok(ScheduleResponse.of(schedules.get(merchant, merchantUid)));
  }

  @GetMapping("/subscribe/payments/schedule")
  Envelope<Paged<ScheduleResponse>> list(Merchant merchant, HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    long from = query.longValue("schedule_from").orElseThrow(() -> required("schedule_from"));
    long to = query.longValue("schedule_to").orElseThrow(() -> required("schedule_to"));
    if (from > to) {
      throw new ApiException.InvalidRequest("schedule_from: must not be after schedule_to");
    }
    if (to - from > MAX_SPAN.toSeconds()) {
      throw new ApiException.InvalidRequest(
          "schedule_from, schedule_to: the span may be at most 3 months");
    }
    String sorting = query.string("sorting").orElse("");
    ScheduleListRepository.Filter filter =
        new ScheduleListRepository.Filter(
            null,
            seconds(from),
            seconds(to),
            status(query.string("schedule_status")),
            "scheduled".equals(sorting));
    return Envelope.ok(page(schedules.list(merchant, filter, PageRequest.from(query))));
  }

  @GetMapping({
    "/subscribe/payments/schedule/customers/{customer_uid}",
    "/subscribe/customers/{customer_uid}/schedules"
  })
  Envelope<Paged<ScheduleResponse>> byCustomer(
      Merchant merchant,
      @PathVariable("customer_uid") String customerUid,
      HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    Optional<Long> from = either(query, "from", "schedule_from");
    Optional<Long> to = either(query, "to", "schedule_to");
    Optional<String> status =
        query.string("schedule-status").or(() -> query.string("schedule_status"));
    ScheduleListRepository.Filter filter =
        new ScheduleListRepository.Filter(
            customerUid,
            from.map(ScheduleController::seconds).orElse(null),
            to.map(ScheduleController::seconds).orElse(null),
            status(status),
            false);
    return Envelope.ok(page(schedules.list(merchant, filter, PageRequest.from(query))));
  }

  @PutMapping("/subscribe/payments/schedule/{merchant_uid}")
  Envelope<ScheduleResponse> move(
      Merchant merchant,
      @PathVariable("merchant_uid") String merchantUid,
      HttpServletRequest http) {
    return Envelope.ok(
        ScheduleResponse.of(
            schedules.move(merchant, merchantUid, scheduleAt(requests.body(http)))));
  }

  @PostMapping("/subscribe/payments/schedule/{merchant_uid}/reschedule")
  Envelope<ScheduleResponse> reschedule(
      Merchant merchant,
      @PathVariable("merchant_uid") String merchantUid,
      HttpServletRequest http) {
    return Envelope.ok(
        ScheduleResponse.of(
            schedules.reschedule(merchant, merchantUid, scheduleAt(requests.body(http)))));
  }

  @PostMapping("/subscribe/payments/schedule/{merchant_uid}/retry")
  Envelope<PaymentResponse> retry(
      Merchant merchant, @PathVariable("merchant_uid") String merchantUid) {
    return Envelope.ok(payments.response(merchant, schedules.retry(merchant, merchantUid)));
  }

  private static long scheduleAt(ApiRequest request) {
    return request.longValue("schedule_at").orElseThrow(() -> required("schedule_at"));
  }

  private static Optional<Long> either(ApiRequest query, String first, String second) {
    return query.longValue(first).or(() -> query.longValue(second));
  }

  private static Long seconds(long unixSeconds) {
    if (unixSeconds < 0 || unixSeconds > Long.MAX_VALUE / 1000) {
      throw new ApiException.InvalidRequest("schedule_from, schedule_to: must be UNIX seconds");
    }
    return unixSeconds * 1000;
  }

  private static ScheduleStatus status(Optional<String> value) {
    try {
      return ScheduleStatus.filter(value.orElse(null)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest(
          "schedule_status: must be scheduled, executed or revoked");
    }
  }

  private static ApiException.InvalidRequest required(String field) {
    return new ApiException.InvalidRequest(field + ": is required");
  }

  private static List<ScheduleResponse> map(List<Schedule> list) {
    return list.stream().map(ScheduleResponse::of).toList();
  }

  private static Paged<ScheduleResponse> page(Paged<Schedule> page) {
    return new Paged<>(page.total(), page.previous(), page.next(), map(page.list()));
  }
}
