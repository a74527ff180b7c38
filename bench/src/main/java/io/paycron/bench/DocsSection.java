package io.paycron.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run's section of docs/benchmarks.md: what was run, where, when, and what came out. {@code
 * image} is null for a run without a plot (the steady load); {@code dbScheduler} and {@code
 * ceiling} are null when the references were not run.
 */
final class DocsSection {

  private DocsSection() {}

  static String render(
      String kind,
      BenchOptions options,
      ZonedDateTime started,
      String machine,
      String report,
      String image,
      Measurement dbScheduler,
      Measurement ceiling) {
    String heading =
        switch (kind) {
          case BenchmarkDocs.DRAIN ->
              String.format(
                  Locale.ROOT, "## %,d due in one second (heap capped)", options.schedules());
          case BenchmarkDocs.SCALING ->
              "## From 1 to " + options.nodes().get(options.nodes().size() - 1) + " nodes";
          case BenchmarkDocs.SQLITE ->
              String.format(
                  Locale.ROOT,
                  "## Embedded SQLite: %,d schedules due in one second, one node",
                  options.schedules());
          case BenchmarkDocs.STEADY ->
              String.format(
                  Locale.ROOT,
                  "## Steady load: %,d due per second for %d s",
                  options.steadyRate(),
                  options.steadySeconds());
          default ->
              String.format(
                  Locale.ROOT,
                  "## Side by side: %,d schedules due in one second",
                  options.schedules());
        };
    StringBuilder section = new StringBuilder(heading).append("\n\n");
    section
        .append("- command: `")
        .append(options.commandLine())
        .append("`\n")
        .append("- date: ")
        .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(commit())
        .append("\n")
        .append("- machine: ")
        .append(machine)
        .append("\n")
        .append("- sandbox gateway latency: ")
        .append(options.latencyMs())
        .append(" ms; Paycron nodes: ")
        .append(options.nodes())
        .append("\n");
    if (dbScheduler != null) {
      section.append(
          String.format(
              Locale.ROOT,
              "- loading the references (not part of any target): db-scheduler `scheduleBatch`"
                  + " %s, raw SQL `INSERT … SELECT generate_series` %s%n",
              ResultTable.rate(dbScheduler.ingestPerSecond()),
              ResultTable.rate(ceiling.ingestPerSecond())));
    }
    section.append("\n").append(report).append("\n");
    if (image != null) {
      section.append("![executed over time](").append(image).append(")\n");
    }
    return section.toString();
  }

  /** The server commit the numbers belong to, when run from a git work tree. */
  private static String commit() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && !out.isEmpty() ? " (commit `" + out + "`)" : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
