package io.paycron.payment;

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

  ChargeController(ChargeService charges, ApiRequests requests) {
    this.charges = charges;
    this.requests = requests;
  }

  @PostMapping("/subscribe/payments/again")
  Envelope<PaymentResponse> again(Merchant merchant, HttpServletRequest http) {
    ApiRequest request = requests.body(http);
    ChargeCommand command =
        ChargeInput.command(request, ChargeInput.identifier(request, "customer_uid"));
    Payment payment = charges.again(merchant, command);
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
