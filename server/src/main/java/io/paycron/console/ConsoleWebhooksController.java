package io.paycron.console;

import io.paycron.web.ApiException;
import io.paycron.webhook.WebhookAdminQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook endpoints (a merchant's, or the disabled ones of every merchant) and deliveries, one row
 * per (event, target) with its attempt log; replaying one delivery, re-enabling an endpoint.
 */
@Controller
class ConsoleWebhooksController {

  static final List<String> STATUSES =
      List.of("pending", "delivering", "delivered", "failed", "paused");

  /** The endpoint filter's value for an event's legacy target (notice_url / default URL). */
  static final String LEGACY = "legacy";

  private final WebhookAdminQueries webhooks;
  private final AuditLog audit;

  ConsoleWebhooksController(WebhookAdminQueries webhooks, AuditLog audit) {
    this.webhooks = webhooks;
    this.audit = audit;
  }

  @GetMapping("/console/webhooks")
  String list(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "page", required = false) String page,
      HttpServletRequest request,
      Model model) {
    int p = ConsoleParams.page(page);
    String merchantId = ConsoleParams.text("merchant", merchant);
    String endpointFilter = ConsoleParams.text("endpoint", endpoint);
    String wanted = ConsoleParams.choice("status", status, STATUSES);
    Long fromMillis = ConsoleParams.utcTime("from", from);
    Long toMillis = ConsoleParams.utcTime("to", to);
    WebhookAdminQueries.DeliveryPage found =
        webhooks.deliveries(
            new WebhookAdminQueries.DeliveryFilter(
                merchantId,
                endpointId(endpointFilter),
                wanted,
                fromMillis == null ? null : Instant.ofEpochMilli(fromMillis),
                toMillis == null ? null : Instant.ofEpochMilli(toMillis),
                p,
                ConsoleParams.PAGE_SIZE));
    model.addAttribute(
        "page",
        new ConsolePage<>(found.rows(), p, (long) p * ConsoleParams.PAGE_SIZE < found.total()));
    model.addAttribute("total", found.total());
    // a merchant's endpoints, all of them; without a merchant only the disabled ones (few)
    model.addAttribute("endpoints", webhooks.endpoints(merchantId, merchantId == null));
    model.addAttribute("merchant", merchantId);
    model.addAttribute("endpoint", endpointFilter);
    model.addAttribute("status", wanted);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("from", from == null ? null : from.trim());
    model.addAttribute("to", to == null ? null : to.trim());
    String query = request.getQueryString();
    model.addAttribute("back", safeBack("/console/webhooks" + (query == null ? "" : "?" + query)));
    return "console/webhooks";
  }

  /** Replays one delivery, then goes back to the page the button was on (a console page only). */
  @PostMapping("/console/webhooks/replay")
  String replay(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "event_id", required = false) String eventId,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestParam(name = "back", required = false) String back,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String event = ConsoleParams.required("event_id", eventId);
    String target = endpointIdOrLegacy(ConsoleParams.text("endpoint", endpoint));
    if (webhooks.replayDelivery(merchantId, event, target)) {
      audit.record(operator, "replay_webhook", merchantId, event, "endpoint=" + describe(target));
      redirect.addFlashAttribute("notice", "Event " + event + " queued for delivery again.");
    } else {
      redirect.addFlashAttribute(
          "error",
          "Not replayed: it is being sent right now, or its endpoint is disabled"
              + " (re-enable the endpoint first).");
    }
    return "redirect:" + safeBack(back);
  }

  /**
   * Enables a disabled endpoint again, clearing its failure record; paused deliveries wait. Then
   * the merchant's webhook page, where the endpoint and its replay are.
   */
  @PostMapping("/console/webhooks/enable")
  String enable(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String endpointId = ConsoleParams.required("endpoint", endpoint);
    try {
      webhooks.setEnabled(merchantId, endpointId, true);
      audit.record(operator, "enable_webhook_endpoint", merchantId, endpointId, null);
      redirect.addFlashAttribute(
          "notice",
          "Endpoint "
              + endpointId
              + " enabled. Its paused and failed deliveries wait: replay them when ready.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", "Not enabled: " + e.getMessage());
    }
    redirect.addAttribute("merchant", merchantId);
    return "redirect:/console/webhooks";
  }

  /** The endpoint filter: blank = every target, {@value #LEGACY} = the legacy target. */
  static String endpointId(String filter) {
    return filter == null ? null : endpointIdOrLegacy(filter);
  }

  /** An endpoint id, where blank or {@value #LEGACY} is the legacy target ({@code ""}). */
  static String endpointIdOrLegacy(String value) {
    return value == null || value.equals(LEGACY) ? "" : value;
  }

  static String describe(String endpointId) {
    return endpointId == null ? "all" : endpointId.isEmpty() ? LEGACY : endpointId;
  }

  /** Only a path inside the console: never an open redirect to another site. */
  static String safeBack(String back) {
    return back != null
            && back.startsWith("/console")
            && !back.contains("//")
            && !back.contains("\\")
            && back.length() < 1000
            && back.chars().noneMatch(c -> c < 0x21 || c > 0x7e)
        ? back
        : "/console/webhooks";
  }
}
