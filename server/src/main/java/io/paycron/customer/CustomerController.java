package io.paycron.customer;

import io.paycron.clock.TestClocks;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerController {

  private static final int MAX_MULTI_GET = 100;
  static final String REVOKED_HEADER = "Paycron-Revoked-Schedules";

  private final BillingKeyService billingKeys;
  private final ApiRequests requests;
  private final TestClocks testClocks;

  CustomerController(BillingKeyService billingKeys, ApiRequests requests, TestClocks testClocks) {
    this.billingKeys = billingKeys;
    this.requests = requests;
    this.testClocks = testClocks;
  }

  @PostMapping("/subscribe/customers/{customer_uid}")
  Envelope<CustomerResponse> issue(
      Merchant merchant,
      @PathVariable("customer_uid") String customerUid,
      HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    // Paycron's extra field: the customer joins a test clock (sandbox only), checked first
    Optional<String> testClock = request.string("test_clock_id").filter(id -> !id.isBlank());
    testClock.ifPresent(id -> requireAttachable(merchant, customerUid, id));
    BillingKey key =
        billingKeys.register(
            merchant,
            customerUid,
            CardInput.read(request),
            request.string("pg").orElse(null),
            CardInput.customer(request));
    testClock.ifPresent(id -> testClocks.attach(merchant, customerUid, id));
    return Envelope.ok(CustomerResponse.of(key, merchant.sandbox()));
  }

  /**
   * A customer joins a clock with its first billing key: one that already has schedules on the real
   * clock cannot move (they would run on neither).
   */
  private void requireAttachable(Merchant merchant, String customerUid, String testClockId) {
    testClocks.requireAttachable(merchant, customerUid, testClockId);
    if (billingKeys.find(merchant, customerUid).isPresent()
        && testClocks.clockOf(merchant.id(), customerUid).isEmpty()) {
      throw new ApiException.InvalidRequest(
          "test_clock_id: customer_uid "
              + customerUid
              + " has a billing key on the real clock; a customer joins a test clock with its"
              + " first billing key");
    }
  }

  @GetMapping("/subscribe/customers/{customer_uid}")
  Envelope<CustomerResponse> get(
      Merchant merchant, @PathVariable("customer_uid") String customerUid) {
    return Envelope.ok(
        CustomerResponse.of(billingKeys.get(merchant, customerUid), merchant.sandbox()));
  }

  /**
   * Deletes the billing key and revokes its pending schedules. The V1 body stays the Customer; the
   * revoked merchant_uids are listed in the {@code Paycron-Revoked-Schedules} header.
   */
  @DeleteMapping("/subscribe/customers/{customer_uid}")
  ResponseEntity<Envelope<CustomerResponse>> delete(
      Merchant merchant,
      @PathVariable("customer_uid") String customerUid,
      HttpServletRequest http) {
    requests.query(http).string("reason"); // validated for type; i'mport keeps it for display only
    BillingKeyService.Deleted deleted = billingKeys.delete(merchant, customerUid);
    return ResponseEntity.ok()
        .header(
            REVOKED_HEADER,
            deleted.revokedSchedules().stream()
                .map(
                    uid -> java.net.URLEncoder.encode(uid, java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining(",")))
        .body(Envelope.ok(CustomerResponse.of(deleted.key(), merchant.sandbox())));
  }

  @GetMapping("/subscribe/customers")
  ResponseEntity<Envelope<Object>> getMany(Merchant merchant, HttpServletRequest http) {
    Set<String> uids = new LinkedHashSet<>(requests.query(http).strings("customer_uid"));
    if (uids.isEmpty()) {
      throw new ApiException.InvalidRequest("customer_uid[]: at least one is required");
    }
    if (uids.size() > MAX_MULTI_GET) {
      throw new ApiException.InvalidRequest(
          "customer_uid[]: at most " + MAX_MULTI_GET + " per call");
    }
    List<CustomerResponse> found =
        billingKeys.findAll(merchant, uids).stream()
            .map(key -> CustomerResponse.of(key, merchant.sandbox()))
            .toList();
    if (found.isEmpty()) {
      throw BillingKeyService.notFound(String.join(",", uids));
    }
    HttpStatus status = found.size() < uids.size() ? HttpStatus.MULTI_STATUS : HttpStatus.OK;
    return ResponseEntity.status(status).body(new Envelope<>(0, null, found));
  }
}
