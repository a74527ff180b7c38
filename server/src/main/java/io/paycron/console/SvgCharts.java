package io.paycron.console;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Small charts drawn on the server as inline SVG: no JavaScript library, readable by a screen
 * reader through the chart's title and the table next to it.
 */
final class SvgCharts {

  /** One bar: a label under it and its value; {@code warn} draws it in the warning colour. */
  record Bar(String label, double value, boolean warn) {}

  private static final int BAR_WIDTH = 36;
  private static final int GAP = 14;
  private static final int HEIGHT = 120;

  private SvgCharts() {}

  /** A bar chart that scales to its container's width (viewBox), with values above the bars. */
  static String bars(String title, List<Bar> bars, String unit) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    // at least seven bars wide, so one bar is not drawn huge and charts side by side match
    int width = Math.max(7, bars.size()) * (BAR_WIDTH + GAP) + GAP;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                + " preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>",
            width,
            HEIGHT + 40,
            esc(title),
            esc(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
            HEIGHT + 14,
            width,
            HEIGHT + 14));
    if (bars.isEmpty()) {
      svg.append("<text x=\"8\" y=\"60\" font-size=\"13\" fill=\"#333\">no data yet</text>");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double h = max <= 0 ? 0 : Math.max(1, bar.value() / max * HEIGHT);
      int x = GAP + i * (BAR_WIDTH + GAP);
      double y = HEIGHT + 14 - h;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s: %s%s"
                  + "</title></rect>",
              x,
              y,
              BAR_WIDTH,
              h,
              bar.warn() ? "#b3261e" : "#1f5fa8",
              esc(bar.label()),
              number(bar.value()),
              esc(unit)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#111\">%s"
                  + "</text>",
              x + BAR_WIDTH / 2,
              y - 3,
              number(bar.value())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">%s"
                  + "</text>",
              x + BAR_WIDTH / 2,
              HEIGHT + 30,
              esc(shorten(bar.label()))));
    }
    return svg.append("</svg>").toString();
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String shorten(String label) {
    return label.length() > 9 ? label.substring(0, 8) + "…" : label;
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
