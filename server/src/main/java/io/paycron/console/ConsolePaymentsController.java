package io.paycron.console;

import io.paycron.payment.PaymentConsoleActions;
import io.paycron.payment.PaymentConsoleQueries;
import io.paycron.web.ApiException;
import io.paycron.webhook.WebhookConsoleQueries;
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

  ConsolePaymentsController(
      PaymentConsoleQueries payments,
      PaymentConsoleActions actions,
      WebhookConsoleQueries webhooks,
      AuditLog audit) {
    this.payments = payments;
    this.actions = actions;
    this.webhooks = webhooks;
    this.audit = audit;
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
    PaymentConsoleQueries.PaymentDetail detail = find(merchant, impUid);
    Optional<Long> requested = ConsoleParams.amount(amount);
    if (requested.isPresent() && requested.get() > detail.payment().refundable()) {
      throw new ConsoleAdvice.BadFilter(
          "amount: at most the refundable " + detail.payment().refundable());
    }
    model.addAttribute("p", detail.payment());
    model.addAttribute("amount", requested.orElse(detail.payment().refundable()));
    model.addAttribute(
        "partial", requested.isPresent() && requested.get() < detail.payment().refundable());
    model.addAttribute("reason", ConsoleParams.text("reason", reason));
    model.addAttribute("notify", notify != null);
    return "console/payment-cancel";
  }

  @PostMapping("/console/payment/cancel")
  String cancel(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "imp_uid", required = false) String impUid,
      @RequestParam(name = "amount", required = false) String amount,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "notify", required = false) String notify,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String uid = ConsoleParams.required("imp_uid", impUid);
    Optional<Long> requested = ConsoleParams.amount(amount);
    String why = ConsoleParams.text("reason", reason);
    try {
      actions.cancel(merchantId, uid, requested, why, "true".equals(notify));
      audit.record(
          operator,
          "cancel_payment",
          merchantId,
          uid,
          "amount="
              + requested.map(String::valueOf).orElse("all")
              + (why == null ? "" : " reason=" + why));
      redirect.addFlashAttribute(
          "notice",
          "Refund of " + requested.map(String::valueOf).orElse("the whole balance") + " done.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", "Not refunded: " + e.getMessage());
    }
    redirect.addAttribute("merchant", merchantId);
    redirect.addAttribute("imp_uid", uid);
    return "redirect:/console/payment";
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
