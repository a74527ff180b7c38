package io.paycron.console;

import io.paycron.customer.CustomerConsoleQueries;
import io.paycron.subscription.SubscriptionConsoleQueries;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The read-only pages: customers (billing keys, masked cards), subscriptions, the audit log. */
@Controller
class ConsoleListsController {

  static final List<String> SUBSCRIPTION_STATUSES =
      List.of("trialing", "active", "past_due", "canceled", "unpaid", "paused");

  private final CustomerConsoleQueries customers;
  private final SubscriptionConsoleQueries subscriptions;
  private final AuditLog audit;

  ConsoleListsController(
      CustomerConsoleQueries customers, SubscriptionConsoleQueries subscriptions, AuditLog audit) {
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.audit = audit;
  }

  @GetMapping("/console/customers")
  String customers(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "customer_uid", required = false) String customerUid,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    int p = ConsoleParams.page(page);
    String merchantId = ConsoleParams.text("merchant", merchant);
    String customer = ConsoleParams.text("customer_uid", customerUid);
    model.addAttribute(
        "page",
        ConsolePage.of(
            customers.billingKeys(
                merchantId, customer, ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p)),
            p));
    model.addAttribute("merchant", merchantId);
    model.addAttribute("customerUid", customer);
    return "console/customers";
  }

  @GetMapping("/console/subscriptions")
  String subscriptions(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    int p = ConsoleParams.page(page);
    String merchantId = ConsoleParams.text("merchant", merchant);
    String wanted = ConsoleParams.choice("status", status, SUBSCRIPTION_STATUSES);
    model.addAttribute(
        "page",
        ConsolePage.of(
            subscriptions.list(
                merchantId, wanted, ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p)),
            p));
    model.addAttribute("merchant", merchantId);
    model.addAttribute("status", wanted);
    model.addAttribute("statuses", SUBSCRIPTION_STATUSES);
    return "console/subscriptions";
  }

  @GetMapping("/console/subscription")
  String subscription(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "subscription_id", required = false) String subscriptionId,
      Model model) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String id = ConsoleParams.required("subscription_id", subscriptionId);
    model.addAttribute(
        "detail",
        subscriptions
            .detail(merchantId, id)
            .orElseThrow(() -> new ConsoleAdvice.NotFound("No subscription " + id)));
    return "console/subscription";
  }

  @GetMapping("/console/audit")
  String audit(@RequestParam(name = "page", required = false) String page, Model model) {
    int p = ConsoleParams.page(page);
    model.addAttribute(
        "page",
        ConsolePage.of(audit.newest(ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p)), p));
    return "console/audit";
  }
}
