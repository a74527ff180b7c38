package io.paycron.console;

import io.paycron.web.ApiException;
import io.paycron.webhook.WebhookConsoleQueries;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Webhook events with their delivery log; replaying one sends it again now. */
@Controller
class ConsoleWebhooksController {

  static final List<String> STATUSES = List.of("pending", "delivering", "delivered", "failed");

  private final WebhookConsoleQueries webhooks;
  private final AuditLog audit;

  ConsoleWebhooksController(WebhookConsoleQueries webhooks, AuditLog audit) {
    this.webhooks = webhooks;
    this.audit = audit;
  }

  @GetMapping("/console/webhooks")
  String list(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "object_id", required = false) String objectId,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      jakarta.servlet.http.HttpServletRequest request,
      Model model) {
    int p = ConsoleParams.page(page);
    String merchantId = ConsoleParams.text("merchant", merchant);
    String object = ConsoleParams.text("object_id", objectId);
    String wanted = ConsoleParams.choice("status", status, STATUSES);
    model.addAttribute(
        "page",
        ConsolePage.of(
            webhooks.list(
                merchantId, object, wanted, ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p)),
            p));
    model.addAttribute("merchant", merchantId);
    model.addAttribute("objectId", object);
    model.addAttribute("status", wanted);
    model.addAttribute("statuses", STATUSES);
    String query = request.getQueryString();
    model.addAttribute("back", safeBack("/console/webhooks" + (query == null ? "" : "?" + query)));
    return "console/webhooks";
  }

  /** Replays one event, then goes back to the page the button was on (a console page only). */
  @PostMapping("/console/webhooks/replay")
  String replay(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "event_id", required = false) String eventId,
      @RequestParam(name = "back", required = false) String back,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String event = ConsoleParams.required("event_id", eventId);
    try {
      webhooks.replay(merchantId, event);
      audit.record(operator, "replay_webhook", merchantId, event, null);
      redirect.addFlashAttribute("notice", "Event " + event + " queued for delivery again.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", "Not replayed: " + e.getMessage());
    }
    return "redirect:" + safeBack(back);
  }

  /** Most failed deliveries one "replay all failed" queues again (press again for more). */
  static final int REPLAY_ALL_LIMIT = 1000;

  @GetMapping("/console/webhooks/replay-failed")
  String confirmReplayFailed(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "url", required = false) String url,
      Model model) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String target = ConsoleParams.text("url", url);
    model.addAttribute("merchant", merchantId);
    model.addAttribute("url", target);
    model.addAttribute("failed", webhooks.countFailed(merchantId, target));
    model.addAttribute("limit", REPLAY_ALL_LIMIT);
    return "console/webhooks-replay-failed";
  }

  @PostMapping("/console/webhooks/replay-failed")
  String replayFailed(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "url", required = false) String url,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String target = ConsoleParams.text("url", url);
    int queued = webhooks.replayFailed(merchantId, target, REPLAY_ALL_LIMIT);
    audit.record(
        operator,
        "replay_failed_webhooks",
        merchantId,
        target,
        queued + " failed deliveries queued again");
    redirect.addFlashAttribute("notice", queued + " failed deliveries queued again.");
    redirect.addAttribute("merchant", merchantId);
    return "redirect:/console/webhooks";
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
