package io.paycron.console;

import io.paycron.payment.PaymentConsoleQueries;
import io.paycron.schedule.ScheduleConsoleQueries;
import io.paycron.webhook.WebhookConsoleQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page: what is due soon, what is late, how charges and webhooks went (24 h and 7 days).
 */
@Controller
class ConsoleOverviewController {

  /** A pending schedule this long past its due time counts as late. */
  static final Duration LATE_AFTER = Duration.ofMinutes(5);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

  private final ScheduleConsoleQueries schedules;
  private final PaymentConsoleQueries payments;
  private final WebhookConsoleQueries webhooks;
  private final Clock clock;

  ConsoleOverviewController(
      ScheduleConsoleQueries schedules,
      PaymentConsoleQueries payments,
      WebhookConsoleQueries webhooks,
      Clock clock) {
    this.schedules = schedules;
    this.payments = payments;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @GetMapping({"/console", "/console/"})
  String overview(Model model) {
    long now = clock.millis();
    long day = Duration.ofDays(1).toMillis();
    model.addAttribute(
        "dueHour", schedules.countDueBetween(now, now + Duration.ofHours(1).toMillis()));
    model.addAttribute("dueDay", schedules.countDueBetween(now, now + day));
    long lateBefore = now - LATE_AFTER.toMillis();
    model.addAttribute("lateCount", schedules.countLate(lateBefore));
    model.addAttribute("late", schedules.late(lateBefore, 10));
    PaymentConsoleQueries.Outcomes day1 = payments.outcomesSince(now - day);
    PaymentConsoleQueries.Outcomes week = payments.outcomesSince(now - 7 * day);
    model.addAttribute("outcomes24h", day1);
    model.addAttribute("outcomes7d", week);
    model.addAttribute("webhooks24h", webhooks.attemptsSince(now - day));
    model.addAttribute("webhooks7d", webhooks.attemptsSince(now - 7 * day));
    model.addAttribute("declineChart", declineChart(week.declines()));
    model.addAttribute("dailyChart", dailyChart(now, day));
    return "console/overview";
  }

  private static String declineChart(Map<String, Long> declines) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    declines.forEach((code, count) -> bars.add(new SvgCharts.Bar(code, count, true)));
    return SvgCharts.bars("Declines by code, last 7 days", bars, " declines");
  }

  /** Success rate of each of the last 7 days (UTC), oldest first. */
  private String dailyChart(long now, long day) {
    long today = now - Math.floorMod(now, day);
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      long from = today - i * day;
      PaymentConsoleQueries.Outcomes o = payments.outcomesBetween(from, from + day);
      double rate = o.approved() + o.declined() == 0 ? 0 : o.successRate();
      bars.add(
          new SvgCharts.Bar(DAY.format(Instant.ofEpochMilli(from)), rate, rate < 90 && rate > 0));
    }
    return SvgCharts.bars("Charge success rate per day (UTC), last 7 days", bars, " %");
  }
}
