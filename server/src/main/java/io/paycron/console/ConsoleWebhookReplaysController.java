package io.paycron.console;

import io.paycron.web.ApiException;
import io.paycron.webhook.WebhookConsoleQueries;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk replays, each confirmed on a page that says how many deliveries it queues: every failed (or
 * paused) delivery of one endpoint, or every delivery of one endpoint created in a time range.
 * Endpoint value: an endpoint id, {@code legacy} (notice_url / default URL) or blank (every target
 * of the merchant).
 */
@Controller
class ConsoleWebhookReplaysController {

  private final WebhookConsoleQueries webhooks;
  private final AuditLog audit;

  ConsoleWebhookReplaysController(WebhookConsoleQueries webhooks, AuditLog audit) {
    this.webhooks = webhooks;
    this.audit = audit;
  }

  /** What one bulk replay covers, read from the request. */
  private record Selection(
      String merchantId,
      String endpoint,
      String from,
      String to,
      Instant fromTime,
      Instant toTime,
      boolean failedOnly) {

    String endpointId() {
      return ConsoleWebhooksController.endpointId(endpoint);
    }

    String detail() {
      return "endpoint="
          + ConsoleWebhooksController.describe(endpointId())
          + (fromTime == null ? "" : " from=" + fromTime)
          + (toTime == null ? "" : " to=" + toTime)
          + (failedOnly ? " failed_only" : "");
    }
  }

  private static Selection select(
      String merchant, String endpoint, String from, String to, boolean failedOnly, boolean range) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String target = ConsoleParams.text("endpoint", endpoint);
    Long fromMillis = ConsoleParams.utcTime("from", from);
    Long toMillis = ConsoleParams.utcTime("to", to);
    if (range && (fromMillis == null || toMillis == null || fromMillis >= toMillis)) {
      throw new ConsoleAdvice.BadFilter("from, to: both required, from before to (UTC)");
    }
    return new Selection(
        merchantId,
        target,
        range ? from.trim() : null,
        range ? to.trim() : null,
        range ? Instant.ofEpochMilli(fromMillis) : null,
        range ? Instant.ofEpochMilli(toMillis) : null,
        failedOnly);
  }

  @GetMapping("/console/webhooks/replay-failed")
  String confirmFailed(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      Model model) {
    return confirm(select(merchant, endpoint, null, null, true, false), false, model);
  }

  @PostMapping("/console/webhooks/replay-failed")
  String replayFailed(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    Selection s = select(merchant, endpoint, null, null, true, false);
    return replay(s, "replay_failed_webhooks", operator, redirect);
  }

  @GetMapping("/console/webhooks/replay-range")
  String confirmRange(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "failed_only", required = false) String failedOnly,
      Model model) {
    return confirm(
        select(merchant, endpoint, from, to, "true".equals(failedOnly), true), true, model);
  }

  @PostMapping("/console/webhooks/replay-range")
  String replayRange(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "endpoint", required = false) String endpoint,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "failed_only", required = false) String failedOnly,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    Selection s = select(merchant, endpoint, from, to, "true".equals(failedOnly), true);
    return replay(s, "replay_webhook_range", operator, redirect);
  }

  private String confirm(Selection s, boolean range, Model model) {
    int count =
        webhooks.countReplayable(
            s.merchantId(), s.endpointId(), s.fromTime(), s.toTime(), s.failedOnly());
    model.addAttribute("s", s);
    model.addAttribute("range", range);
    model.addAttribute("target", ConsoleWebhooksController.describe(s.endpointId()));
    model.addAttribute("count", count);
    model.addAttribute("max", WebhookConsoleQueries.MAX_REPLAY);
    return "console/webhooks-replay";
  }

  private String replay(Selection s, String action, String operator, RedirectAttributes redirect) {
    try {
      int queued =
          webhooks.replay(s.merchantId(), s.endpointId(), s.fromTime(), s.toTime(), s.failedOnly());
      audit.record(
          operator,
          action,
          s.merchantId(),
          ConsoleWebhooksController.describe(s.endpointId()),
          s.detail() + " queued=" + queued);
      redirect.addFlashAttribute("notice", queued + " deliveries queued again.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", "Not replayed: " + e.getMessage());
    }
    redirect.addAttribute("merchant", s.merchantId());
    if (s.endpoint() != null) {
      redirect.addAttribute("endpoint", s.endpoint());
    }
    return "redirect:/console/webhooks";
  }
}
