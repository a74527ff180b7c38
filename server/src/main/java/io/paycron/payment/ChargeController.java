package io.paycron.payment;

import io.paycron.clock.TestClocks;
import io.paycron.customer.CardInput;
import io.paycron.gateway.CardData;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code onetime} and {@code again}: both answer code 0 with the Payment, paid or failed. */
@RestController
class ChargeController {

  private final ChargeService charges;
  private final ApiRequests requests;
  private final TestClocks testClocks;

  ChargeController(ChargeService charges, ApiRequests requests, TestClocks testClocks) {
    this.charges = charges;
    this.requests = requests;
    this.testClocks = testClocks;
  }

  @PostMapping("/subscribe/payments/again")
  Envelope<PaymentResponse> again(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    ChargeCommand command =
        ChargeInput.command(request, ChargeInput.identifier(request, "customer_uid"));
    // a customer on a test clock is charged in that clock's time (paid_at, failed_at, events)
    Payment payment =
        testClocks.inTimeOf(
            merchant.id(), command.customerUid(), () -> charges.again(merchant, command));
    return Envelope.ok(PaymentResponse.of(new PaymentView(payment, java.util.List.of())));
  }

  @PostMapping("/subscribe/payments/onetime")
  Envelope<PaymentResponse> onetime(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    String customerUid =
        request
            .string("customer_uid")
            .filter(s -> !s.isBlank())
            .map(s -> ChargeInput.identifier(request, "customer_uid"))
            .orElse(null);
    ChargeCommand command = ChargeInput.command(request, customerUid);
    CardData card = CardInput.read(request);
    Payment payment =
        charges.onetime(
            merchant,
            command,
            card,
            request.string("pg").orElse(null),
            CardInput.customer(request));
    return Envelope.ok(PaymentResponse.of(new PaymentView(payment, java.util.List.of())));
  }
}
