package io.paycron.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalDouble;

/** One scrape of {@code /actuator/prometheus}, read the way Prometheus reads it. */
public final class PrometheusScrape {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> lines;

  private PrometheusScrape(String text) {
    this.lines = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
  }

  public static PrometheusScrape of(TestServer server) {
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/prometheus")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("scrape answered " + answer.statusCode());
      }
      return new PrometheusScrape(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of the one series named {@code name} that carries every {@code label="value"} given
   * (e.g. {@code value("paycron_schedules_executed_total", "outcome", "paid")}); empty when none.
   */
  public OptionalDouble find(String name, String... labels) {
    return lines.stream()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> hasLabels(l, labels))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst();
  }

  /** Like {@link #find}, failing when no such series exists. */
  public double value(String name, String... labels) {
    return find(name, labels)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no series " + name + " " + String.join(",", labels) + " in:\n" + text()));
  }

  /** The sum over every series named {@code name} that carries the labels given. */
  public double sum(String name, String... labels) {
    return lines.stream()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> hasLabels(l, labels))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  public String text() {
    return String.join("\n", lines);
  }

  private static boolean hasLabels(String line, String... labels) {
    int end = line.indexOf('}');
    String set = end < 0 ? "" : line.substring(0, end);
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (!set.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
        return false;
      }
    }
    return true;
  }
}
