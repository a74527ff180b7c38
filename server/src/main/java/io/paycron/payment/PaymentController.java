package io.paycron.payment;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import io.paycron.web.PageRequest;
import io.paycron.web.Paged;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payment lookup and cancel (API.md §8). */
@RestController
class PaymentController {

  private static final int MAX_MULTI_GET = 100;
  private static final Duration MAX_SPAN = Duration.ofDays(90);
  private static final String UNSUPPORTED_STATUS = "지원되지 않는 상태값입니다.";

  private final PaymentQueries queries;
  private final CancelService cancels;
  private final ApiRequests requests;
  private final Clock clock;

  PaymentController(
      PaymentQueries queries, CancelService cancels, ApiRequests requests, Clock clock) {
    this.queries = queries;
    this.cancels = cancels;
    this.requests = requests;
    this.clock = clock;
  }

  @GetMapping("/payments/{imp_uid}")
  Envelope<PaymentResponse> get(Merchant merchant, @PathVariable("imp_uid") String impUid) {
    return Envelope.ok(PaymentResponse.of(queries.get(merchant, impUid)));
  }

  @GetMapping("/payments")
  ResponseEntity<Envelope<Object>> getMany(Merchant merchant, HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    Set<String> impUids = new LinkedHashSet<>(query.strings("imp_uid"));
    Set<String> merchantUids = new LinkedHashSet<>(query.strings("merchant_uid"));
    int asked = impUids.size() + merchantUids.size();
    if (asked == 0) {
      throw new ApiException.InvalidRequest(
          "imp_uid[] or merchant_uid[]: at least one is required");
    }
    if (asked > MAX_MULTI_GET) {
      throw new ApiException.InvalidRequest(
          "imp_uid[] and merchant_uid[]: at most " + MAX_MULTI_GET + " per call");
    }
    List<PaymentResponse> found =
        queries.getMany(merchant, impUids, merchantUids).stream().map(PaymentResponse::of).toList();
    if (found.isEmpty()) {
      throw PaymentQueries.notFound();
    }
    HttpStatus status = found.size() < asked ? HttpStatus.MULTI_STATUS : HttpStatus.OK;
    return ResponseEntity.status(status).body(new Envelope<>(0, null, found));
  }

  @GetMapping({"/payments/find/{merchant_uid}", "/payments/find/{merchant_uid}/{status}"})
  Envelope<PaymentResponse> find(
      Merchant merchant,
      @PathVariable("merchant_uid") String merchantUid,
      @PathVariable(name = "status", required = false) String status,
      HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    return Envelope.ok(
        PaymentResponse.of(queries.find(merchant, merchantUid, status(status), sort(query))));
  }

  @GetMapping({"/payments/findAll/{merchant_uid}", "/payments/findAll/{merchant_uid}/{status}"})
  Envelope<Paged<PaymentResponse>> findAll(
      Merchant merchant,
      @PathVariable("merchant_uid") String merchantUid,
      @PathVariable(name = "status", required = false) String status,
      HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    return Envelope.ok(
        map(
            queries.findAll(
                merchant, merchantUid, status(status), sort(query), PageRequest.from(query))));
  }

  @GetMapping("/payments/status/{status}")
  Envelope<Paged<PaymentResponse>> byStatus(
      Merchant merchant, @PathVariable("status") String status, HttpServletRequest http) {
    ApiRequest query = requests.query(http);
    PaymentStatus filter = status(status);
    long to = query.longValue("to").orElse(clock.millis() / 1000);
    long from = query.longValue("from").orElse(to - MAX_SPAN.toSeconds());
    if (from > to) {
      throw new ApiException.InvalidRequest("from: must not be after to");
    }
    if (to - from > MAX_SPAN.toSeconds()) {
      throw new ApiException.InvalidRequest("from, to: the span may be at most 90 days");
    }
    if (from < 0 || to > Long.MAX_VALUE / 1000 - 1) {
      throw new ApiException.InvalidRequest("from, to: must be UNIX seconds");
    }
    return Envelope.ok(
        map(
            queries.byStatus(
                merchant,
                filter,
                from * 1000,
                (to + 1) * 1000,
                sort(query),
                PageRequest.from(query))));
  }

  @GetMapping("/subscribe/customers/{customer_uid}/payments")
  Envelope<Paged<PaymentResponse>> byCustomer(
      Merchant merchant,
      @PathVariable("customer_uid") String customerUid,
      HttpServletRequest http) {
    return Envelope.ok(
        map(queries.byCustomer(merchant, customerUid, PageRequest.from(requests.query(http)))));
  }

  @PostMapping("/payments/cancel")
  Envelope<PaymentResponse> cancel(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    CancelService.CancelCommand command =
        new CancelService.CancelCommand(
            request.string("imp_uid").orElse(null),
            request.string("merchant_uid").orElse(null),
            request.decimal("amount"),
            request.decimal("checksum"),
            request.string("reason").orElse(null),
            request.bool("enable_webhook").orElse(false));
    for (String part : new String[] {"tax_free", "vat_amount"}) {
      request
          .decimal(part)
          .filter(v -> v.signum() < 0)
          .ifPresent(
              v -> {
                throw new ApiException.InvalidRequest(part + ": must not be negative");
              });
    }
    request.object("extra");
    Payment payment = cancels.cancel(merchant, command);
    return Envelope.ok(PaymentResponse.of(queries.get(merchant, payment.impUid())));
  }

  private static PaymentStatus status(String value) {
    try {
      return PaymentStatus.filter(value).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest(UNSUPPORTED_STATUS);
    }
  }

  private static PaymentSort sort(ApiRequest query) {
    String value = query.string("sorting").orElse(null);
    try {
      return PaymentSort.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ApiException.InvalidRequest(
          "sorting: must be one of -started, started, -paid, paid, -updated, updated");
    }
  }

  private static Paged<PaymentResponse> map(Paged<PaymentView> page) {
    return new Paged<>(
        page.total(),
        page.previous(),
        page.next(),
        page.list().stream().map(PaymentResponse::of).toList());
  }
}
