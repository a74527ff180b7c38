package io.paycron.console;

import io.paycron.schedule.ScheduleConsoleActions;
import io.paycron.schedule.ScheduleConsoleQueries;
import io.paycron.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Schedules of every merchant, filtered; revoking one asks for confirmation first. */
@Controller
class ConsoleSchedulesController {

  static final List<String> STATUSES = List.of("scheduled", "executed", "revoked");

  private final ScheduleConsoleQueries schedules;
  private final ScheduleConsoleActions actions;
  private final AuditLog audit;

  ConsoleSchedulesController(
      ScheduleConsoleQueries schedules, ScheduleConsoleActions actions, AuditLog audit) {
    this.schedules = schedules;
    this.actions = actions;
    this.audit = audit;
  }

  @GetMapping("/console/schedules")
  String list(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "customer_uid", required = false) String customerUid,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    int p = ConsoleParams.page(page);
    ScheduleConsoleQueries.Filter filter =
        new ScheduleConsoleQueries.Filter(
            ConsoleParams.text("merchant", merchant),
            ConsoleParams.text("customer_uid", customerUid),
            ConsoleParams.choice("status", status, STATUSES),
            ConsoleParams.utcTime("from", from),
            ConsoleParams.utcTime("to", to));
    List<ScheduleConsoleQueries.ScheduleRow> rows =
        schedules.list(filter, ConsoleParams.PAGE_SIZE + 1, ConsoleParams.offset(p));
    model.addAttribute("page", ConsolePage.of(rows, p));
    model.addAttribute("merchant", filter.merchantId());
    model.addAttribute("customerUid", filter.customerUid());
    model.addAttribute("status", filter.status());
    model.addAttribute("from", ConsoleParams.text("from", from));
    model.addAttribute("to", ConsoleParams.text("to", to));
    model.addAttribute("statuses", STATUSES);
    return "console/schedules";
  }

  @GetMapping("/console/schedules/revoke")
  String confirmRevoke(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "merchant_uid", required = false) String merchantUid,
      Model model) {
    model.addAttribute("merchant", ConsoleParams.required("merchant", merchant));
    model.addAttribute("merchantUid", ConsoleParams.required("merchant_uid", merchantUid));
    return "console/schedule-revoke";
  }

  @PostMapping("/console/schedules/revoke")
  String revoke(
      @RequestParam(name = "merchant", required = false) String merchant,
      @RequestParam(name = "merchant_uid", required = false) String merchantUid,
      @RequestAttribute(ConsoleInterceptor.OPERATOR_ATTRIBUTE) String operator,
      RedirectAttributes redirect) {
    String merchantId = ConsoleParams.required("merchant", merchant);
    String uid = ConsoleParams.required("merchant_uid", merchantUid);
    // every attempt is audited with its outcome, refused ones too
    try {
      actions.revoke(merchantId, uid);
      audit.record(operator, "revoke_schedule", merchantId, uid, "outcome=done");
      redirect.addFlashAttribute("notice", "Schedule " + uid + " revoked.");
    } catch (ApiException e) {
      audit.record(
          operator, "revoke_schedule", merchantId, uid, "outcome=refused: " + e.getMessage());
      redirect.addFlashAttribute("error", "Not revoked: " + e.getMessage());
    }
    redirect.addAttribute("merchant", merchantId);
    return "redirect:/console/schedules";
  }
}
