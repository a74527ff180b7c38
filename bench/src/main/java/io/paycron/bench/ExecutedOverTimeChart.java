package io.paycron.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Executed-over-time for each measured system, as a PNG drawn with java.awt (headless): x is
 * seconds since the due second, y is schedules executed so far.
 */
final class ExecutedOverTimeChart {

  private static final int WIDTH = 960;
  private static final int HEIGHT = 540;
  private static final int LEFT = 90;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };

  private ExecutedOverTimeChart() {}

  static void write(Path file, String title, List<Measurement> series) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double maxSeconds = 1;
    long maxExecuted = 1;
    for (Measurement m : series) {
      for (long[] p : m.executedOverTime()) {
        maxSeconds = Math.max(maxSeconds, p[0] / 1000.0);
        maxExecuted = Math.max(maxExecuted, p[1]);
      }
    }
    double xMax = niceCeiling(maxSeconds);
    double yMax = niceCeiling(maxExecuted);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      int x = LEFT + plotWidth * i / 5;
      int y = TOP + plotHeight - plotHeight * i / 5;
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(x, TOP, x, TOP + plotHeight);
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.DARK_GRAY);
      String xLabel = String.format(Locale.ROOT, "%.0f", xMax * i / 5);
      g.drawString(xLabel, x - g.getFontMetrics().stringWidth(xLabel) / 2, TOP + plotHeight + 18);
      String yLabel = String.format(Locale.ROOT, "%,.0f", yMax * i / 5);
      g.drawString(yLabel, LEFT - 8 - g.getFontMetrics().stringWidth(yLabel), y + 4);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotWidth, plotHeight);
    String xAxis = "seconds since the due second";
    g.drawString(
        xAxis, LEFT + (plotWidth - g.getFontMetrics().stringWidth(xAxis)) / 2, HEIGHT - 20);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("schedules executed", -(TOP + plotHeight / 2 + 55), 20);
    rotated.dispose();

    g.setStroke(new BasicStroke(2.2f));
    for (int s = 0; s < series.size(); s++) {
      Measurement m = series.get(s);
      Path2D.Double line = new Path2D.Double();
      boolean first = true;
      for (long[] p : m.executedOverTime()) {
        double x = LEFT + plotWidth * (p[0] / 1000.0) / xMax;
        double y = TOP + plotHeight - plotHeight * (p[1] / yMax);
        if (first) {
          line.moveTo(x, y);
          first = false;
        } else {
          line.lineTo(x, y);
        }
      }
      g.setColor(COLORS[s % COLORS.length]);
      g.draw(line);
      int legendY = TOP + 20 + 20 * s;
      g.drawLine(LEFT + plotWidth - 260, legendY - 4, LEFT + plotWidth - 235, legendY - 4);
      g.setColor(Color.BLACK);
      g.drawString(
          String.format(
              Locale.ROOT,
              "%s: %s",
              label(m),
              ResultTable.rate(m.executionsPerSecond()) + " executions"),
          LEFT + plotWidth - 228,
          legendY);
    }
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  private static String label(Measurement m) {
    return m.system().equals("Paycron") && m.nodes() > 1
        ? "Paycron, " + m.nodes() + " nodes"
        : m.system();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }
}
