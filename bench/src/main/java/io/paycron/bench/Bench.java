package io.paycron.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./paycron bench}: N schedules due in the same second, executed by Paycron (end to end,
 * webhooks included), by db-scheduler and by a raw SQL loop on the same PostgreSQL; one table with
 * the ratios, and docs/benchmarks.md with a plot. {@code --steady} instead offers Paycron a steady
 * rate over consecutive seconds and reports its lag against the below-capacity target; {@code
 * --sqlite} runs Paycron's burst alone on one node on the embedded SQLite default, without
 * PostgreSQL.
 */
public final class Bench {

  private static final AtomicBoolean OUT_OF_MEMORY = new AtomicBoolean();

  private Bench() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          if (error instanceof OutOfMemoryError) {
            OUT_OF_MEMORY.set(true);
          }
          System.err.println("bench: uncaught in " + thread.getName() + ": " + error);
        });
    try {
      run(options);
      System.exit(0);
    } catch (OutOfMemoryError e) {
      OUT_OF_MEMORY.set(true);
      System.err.println("bench: OutOfMemoryError: " + e.getMessage());
      System.exit(1);
    } catch (Deadline.PhaseTimedOut | IllegalStateException e) {
      System.err.println("bench: aborted: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(BenchOptions options) {
    ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
    String prefix = "bench_" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    Path serverLog = serverLog();
    deleteQuietly(serverLog);
    if (options.sqlite()) {
      run(
          options,
          started,
          serverLog,
          SqliteDataFolder.describeDatabase(),
          SqliteDataFolder::create,
          null);
      return;
    }
    try (BenchDatabase db = new BenchDatabase(options.dbUrl(), options.dbUser(), prefix)) {
      db.requireReachable();
      run(
          options,
          started,
          serverLog,
          db.serverVersion() + " on 127.0.0.1 (same machine)",
          name -> PostgresSchema.create(db, name),
          db);
    }
  }

  /**
   * Paycron on {@code storage}; {@code references} is the PostgreSQL database of db-scheduler and
   * the raw SQL ceiling, null with {@code --sqlite} (which skips them).
   */
  private static void run(
      BenchOptions options,
      ZonedDateTime started,
      Path serverLog,
      String database,
      PaycronStorage.Fresh storage,
      BenchDatabase references) {
    String machine = MachineDescription.describe(database);
    String loadAtStart = MachineDescription.loadAverage();
    Progress.phase(options.commandLine());
    Progress.phase(machine);
    if (options.steady()) {
      steady(storage, options, started, machine, loadAtStart);
    } else {
      burst(storage, references, options, started, machine, loadAtStart, serverLog);
    }
  }

  /** N due in one second, for Paycron and (unless skipped) the references. */
  private static void burst(
      PaycronStorage.Fresh storage,
      BenchDatabase references,
      BenchOptions options,
      ZonedDateTime started,
      String machine,
      String loadAtStart,
      Path serverLog) {
    List<Measurement> paycron = new ArrayList<>();
    for (int nodes : options.nodes()) {
      paycron.add(new PaycronBenchmark(storage, options).run(nodes));
    }
    Measurement dbScheduler = null;
    Measurement ceiling = null;
    if (!options.skipReferences()) {
      warmUpReferences(options, references.prefix());
      dbScheduler = new DbSchedulerBenchmark(references, options).run();
      ceiling = new RawSqlCeiling(references, options).run();
    }
    String load = loadDuring(loadAtStart);
    boolean oom = OUT_OF_MEMORY.get() || logMentionsOutOfMemory(serverLog);
    String report = report(options, paycron, dbScheduler, ceiling, oom);
    System.out.println();
    System.out.println(report);
    Progress.phase(load);
    if (options.writeDocs()) {
      writeDocs(options, started, machine + "; " + load, paycron, dbScheduler, ceiling, report);
    }
  }

  /**
   * One small round of each reference on a schema dropped right after, figures discarded, so that
   * they too are measured on compiled code (Paycron warms up on its own nodes: see {@link
   * PaycronBenchmark}).
   */
  private static void warmUpReferences(BenchOptions options, String prefix) {
    if (options.warmUp() <= 0 || options.skipReferences()) {
      return;
    }
    Progress.phase(
        String.format(
            Locale.ROOT, "warm-up of the references: %,d each, not measured", options.warmUp()));
    BenchOptions small = options.forWarmUp(options.warmUp());
    try (BenchDatabase scratch =
        new BenchDatabase(options.dbUrl(), options.dbUser(), prefix + "_w")) {
      new DbSchedulerBenchmark(scratch, small).run();
      new RawSqlCeiling(scratch, small).run();
    }
  }

  /**
   * Paycron alone under the steady load; the references are left out because the target is
   * Paycron's own lag below its capacity, not a comparison.
   */
  private static void steady(
      PaycronStorage.Fresh storage,
      BenchOptions options,
      ZonedDateTime started,
      String machine,
      String loadAtStart) {
    Measurement paycron =
        new PaycronBenchmark(storage, options)
            .runSteady(options.nodes().get(0), options.steadyRate(), options.steadySeconds());
    String load = loadDuring(loadAtStart);
    String report = ResultTable.steady(paycron, options.steadyRate(), options.steadySeconds());
    System.out.println();
    System.out.println(report);
    Progress.phase(load);
    if (options.writeDocs()) {
      Path docs = Path.of(options.docsDir());
      String section =
          DocsSection.render(
              BenchmarkDocs.STEADY,
              options,
              started,
              machine + "; " + load,
              report,
              null,
              null,
              null);
      try {
        BenchmarkDocs.update(docs.resolve("benchmarks.md"), Map.of(BenchmarkDocs.STEADY, section));
        Progress.phase("wrote " + docs.resolve("benchmarks.md"));
      } catch (IOException e) {
        System.err.println("bench: could not write the docs: " + e.getMessage());
      }
    }
  }

  private static String loadDuring(String loadAtStart) {
    return "load average (1/5/15 min) at the start "
        + loadAtStart
        + ", at the end "
        + MachineDescription.loadAverage();
  }

  private static String report(
      BenchOptions options,
      List<Measurement> paycron,
      Measurement dbScheduler,
      Measurement ceiling,
      boolean oom) {
    StringBuilder out = new StringBuilder();
    out.append(
        options.sqlite()
            ? ResultTable.sqlite(paycron.get(0))
            : ResultTable.comparison(paycron.get(0), dbScheduler, ceiling));
    if (options.scaling()) {
      out.append("\n").append(ResultTable.scaling(paycron));
    }
    if (options.drain()) {
      out.append("\n")
          .append(ResultTable.drainVerdict(paycron.get(0), Runtime.getRuntime().maxMemory(), oom));
    }
    return out.toString();
  }

  private static void writeDocs(
      BenchOptions options,
      ZonedDateTime started,
      String machine,
      List<Measurement> paycron,
      Measurement dbScheduler,
      Measurement ceiling,
      String report) {
    Path docs = Path.of(options.docsDir());
    String kind =
        options.sqlite()
            ? BenchmarkDocs.SQLITE
            : options.drain()
                ? BenchmarkDocs.DRAIN
                : options.scaling() ? BenchmarkDocs.SCALING : BenchmarkDocs.COMPARISON;
    String image =
        kind.equals(BenchmarkDocs.COMPARISON) ? "benchmarks.png" : "benchmarks-" + kind + ".png";
    List<Measurement> plotted =
        new ArrayList<>(kind.equals(BenchmarkDocs.SCALING) ? paycron : List.of(paycron.get(0)));
    if (!kind.equals(BenchmarkDocs.SCALING)) {
      if (dbScheduler != null) {
        plotted.add(dbScheduler);
      }
      if (ceiling != null) {
        plotted.add(ceiling);
      }
    }
    String title =
        String.format(
            Locale.ROOT,
            "%,d schedules due in the same second%s: executed over time",
            options.schedules(),
            options.sqlite() ? ", embedded SQLite, one node" : "");
    try {
      ExecutedOverTimeChart.write(docs.resolve(image), title, plotted);
      Map<String, String> sections = new LinkedHashMap<>();
      sections.put(
          kind,
          DocsSection.render(kind, options, started, machine, report, image, dbScheduler, ceiling));
      BenchmarkDocs.update(docs.resolve("benchmarks.md"), sections);
      Progress.phase("wrote " + docs.resolve("benchmarks.md") + " and " + docs.resolve(image));
    } catch (IOException e) {
      System.err.println("bench: could not write the docs: " + e.getMessage());
    }
  }

  /** Where the in-process Paycron nodes log ({@code -Dpaycron.bench.log}, set by ./paycron). */
  static Path serverLog() {
    return Path.of(System.getProperty("paycron.bench.log", "target/bench-paycron.log"))
        .toAbsolutePath();
  }

  private static boolean logMentionsOutOfMemory(Path log) {
    if (!Files.exists(log)) {
      return false;
    }
    try (java.util.stream.Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale log only makes the OutOfMemoryError check stricter
    }
  }
}
