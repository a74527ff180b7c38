package io.paycron.console;

import io.paycron.gateway.Money;
import io.paycron.payment.PaymentConsoleActions;
import io.paycron.payment.PaymentConsoleQueries;
import io.paycron.webhook.WebhookConsoleQueries;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payments of every merchant; one payment with its attempts, refunds and webhooks; a full or
 * partial refund, confirmed on a page of its own before anything is sent.
 */
@Controller
class ConsolePaymentsController {

  static final List<String> STATUSES = List.of("ready", "paid", "failed", "cancelled");

  private final PaymentConsoleQueries payments;
  private final PaymentConsoleActions actions;
  private final WebhookConsoleQueries webhooks;
  private final AuditLog audit;
  private final ConsoleFormat fmt;

  ConsolePaymentsController(
      PaymentConsoleQueries payments,
      PaymentConsoleActions actions,
      WebhookConsoleQueries webhooks,
      AuditLog audit,
      ConsoleFormat fmt) {
    this.payments = payments;
    this.actions = actions;
    this.webhooks = webhooks;
    this.audit = audit;
    this.fmt = fmt;
  }

  @GetMapping("/console/payments")
  String list(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    int p = ConsoleParams.page(page);
    String merchantId = ConsoleParams.text("merchant", merchant);
    String wanted = ConsoleParams.choice("status", status, STATUSES);
    model.addAttribute(
        "page",
        ConsolePage.of(
            payments.list(merchantId, wanted, ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p)),
            p));
    model.addAttribute("merchant", merchantId);
    model.addAttribute("status", wanted);
    model.addAttribute("statuses", STATUSES);
    return "console/payments";
  }

  @GetMapping("/console/payment")
  String detail(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "imp_uid", required = false) String impUid,
      Model model) {
    PaymentConsoleQueries.PaymentDetail detail = find(merchant, impUid);
    model.addAttribute("detail", detail);
    model.addAttribute("p", detail.payment());
    model.addAttribute(
        "deliveries",
        webhooks.deliveriesOf(detail.payment().merchantId(), detail.payment().impUid(), 50));
    return "console/payment";
  }

  @GetMapping("/console/payment/cancel")
  String confirmCancel(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "imp_uid", required = false) String impUid,
      @RequestParam(name = "amount", required = false) String amount,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "notify", required = false) String notify,
      Model model) {
    PaymentConsoleQueries.PaymentRow p = find(merchant, impUid).payment();
    Optional<Long> requested = minorUnits(ConsoleParams.amount("amount", amount), p.currency());
    if (requested.isPresent() && requested.get() > p.refundable()) {
      throw new ConsoleAdvice.BadFilter(
          "amount: at most the refundable " + fmt.money(p.refundable(), p.currency()));
    }
    model.addAttribute("p", p);
    model.addAttribute("amount", requested.orElse(p.refundable()));
    model.addAttribute("partial", requested.isPresent() && requested.get() < p.refundable());
    model.addAttribute("reason", ConsoleParams.text("reason", reason));
    model.addAttribute("notify", notify != null);
    return "console/payment-cancel";
  }

  /**
   * Refunds what the confirmation page showed. Its {@code checksum} is the refundable balance the
   * operator saw: once that changed (the same form posted twice, another refund in between) the
   * refund is refused. Every attempt is audited with its outcome.
   */
  @PostMapping("/console/payment/cancel")
  String cancel(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "imp_uid", required = false) String impUid,
      @RequestParam(name = "amount", required = false) String amount,
      @RequestParam(name = "checksum", required = false) String checksum,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "notify", required = false) String notify,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    PaymentConsoleQueries.PaymentRow p = find(merchant, impUid).payment();
    Optional<BigDecimal> requested = ConsoleParams.amount("amount", amount);
    BigDecimal balance =
        ConsoleParams.amount("checksum", ConsoleParams.required("checksum", checksum))
            .orElseThrow();
    String why = ConsoleParams.text("reason", reason);
    String shown =
        requested.map(a -> a.toPlainString() + " " + p.currency()).orElse("the whole balance");
    PaymentConsoleActions.RefundResult result =
        actions.cancel(p.merchantId(), p.impUid(), requested, balance, why, "true".equals(notify));
    String outcome =
        switch (result.outcome()) {
          case DONE -> "done";
          case REFUSED -> "refused: " + result.message();
          case UNKNOWN -> "unknown: " + result.message();
        };
    audit.record(
        operator,
        "cancel_payment",
        p.merchantId(),
        p.impUid(),
        "amount="
            + shown
            + " checksum="
            + balance.toPlainString()
            + " "
            + p.currency()
            + (why == null ? "" : " reason=" + why)
            + " outcome="
            + outcome);
    switch (result.outcome()) {
      case DONE -> redirect.addFlashAttribute("notice", "Refund of " + shown + " done.");
      case REFUSED -> redirect.addFlashAttribute("error", "Not refunded: " + result.message());
      case UNKNOWN ->
          redirect.addFlashAttribute(
              "error", "Refund pending confirmation (" + shown + "): " + result.message());
    }
    redirect.addAttribute("merchant", p.merchantId());
    redirect.addAttribute("imp_uid", p.impUid());
    return "redirect:/console/payment";
  }

  /** The amount in minor units of the payment's currency; refused when it has too many decimals. */
  private static Optional<Long> minorUnits(Optional<BigDecimal> major, String currency) {
    Currency known = ConsoleFormat.currency(currency);
    if (major.isEmpty() || known == null) {
      return major.map(BigDecimal::longValue);
    }
    try {
      return Optional.of(Money.ofMajor(major.get(), known).minorUnits());
    } catch (IllegalArgumentException e) {
      throw new ConsoleAdvice.BadFilter("amount: " + e.getMessage());
    }
  }

  private PaymentConsoleQueries.PaymentDetail find(String merchant, String impUid) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String uid = ConsoleParams.required("imp_uid", impUid);
    return payments
        .detail(merchantId, uid)
        .orElseThrow(
            () -> new ConsoleAdvice.NotFound("No payment " + uid + " of merchant " + merchantId));
  }
}
