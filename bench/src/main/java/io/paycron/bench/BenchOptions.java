package io.paycron.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./paycron bench} was asked to do.
 *
 * @param schedules how many schedules each system executes (all due in the same second)
 * @param nodes in-process Paycron node counts to measure, one Paycron run per entry
 * @param latencyMs the sandbox gateway's added latency per charge
 * @param drain the 1,000,000-schedule drain (the launcher caps the heap at 512 MB for it)
 * @param skipReferences measure Paycron only
 * @param writeDocs regenerate docs/benchmarks.md and its plot
 * @param docsDir where the docs go
 * @param dbUrl the PostgreSQL database (a fresh schema is made in it per run)
 * @param phaseLimitMinutes a phase that takes longer aborts the run
 * @param steady run only the steady-load phase (Paycron only, on one node count)
 * @param steadyRate schedules due in each second of the steady load
 * @param steadySeconds how many consecutive seconds the steady load lasts
 * @param warmUp schedules each system runs first, not measured
 * @param sqlite Paycron alone, on one node, on the embedded SQLite default instead of PostgreSQL
 */
record BenchOptions(
    int schedules,
    List<Integer> nodes,
    long latencyMs,
    boolean drain,
    boolean skipReferences,
    boolean writeDocs,
    String docsDir,
    String dbUrl,
    String dbUser,
    int phaseLimitMinutes,
    boolean steady,
    int steadyRate,
    int steadySeconds,
    int warmUp,
    boolean sqlite,
    String commandLine) {

  static final int DRAIN_SCHEDULES = 1_000_000;

  static final String USAGE =
      """
      usage: ./paycron bench [--schedules N] [--nodes 1|1,2,3] [--latency-ms 0] [--drain]
                             [--skip-references] [--no-write-docs]
             ./paycron bench --steady [--steady-rate R] [--steady-seconds S] [--nodes 1]
                             [--latency-ms 0] [--no-write-docs]
             ./paycron bench --sqlite [--schedules N] [--warmup W] [--latency-ms 0]
                             [--no-write-docs]
        --schedules N        schedules due in the same second (default 200000)
        --nodes LIST         in-process Paycron nodes on one schema; a list (1,2,3) reports scaling
        --latency-ms MS      sandbox gateway latency per charge (default 0)
        --drain              1,000,000 schedules with the heap capped at 512 MB
        --skip-references    measure Paycron only (no db-scheduler, no raw SQL ceiling)
        --steady             only the steady load: R schedules due in each of S consecutive
                             seconds, for the p99 lag <= 1 s below capacity target (Paycron only)
        --steady-rate R      schedules due per second of the steady load (default 1000)
        --steady-seconds S   seconds the steady load lasts (default 30)
        --sqlite             the burst on one node with the embedded SQLite default (a fresh
                             temporary data folder, deleted after) instead of PostgreSQL, for the
                             >= 1,000 executions/s on one node target; Paycron only (the
                             references run on PostgreSQL), and no PostgreSQL needed
        --warmup W           schedules run first by each system, not measured (Paycron on its
                             own nodes, emptied after; the references on a throwaway schema), so
                             that the measured run finds compiled code, as a server that has
                             been up a while does (default N/10, at most 20000; 0 for none)
        --no-write-docs      do not regenerate docs/benchmarks.md and docs/benchmarks*.png
        --docs DIR           where the docs go (default ./docs)
        --db-url URL         PostgreSQL database (default jdbc:postgresql://127.0.0.1:5432/test)
        --db-user USER       (default postgres)
        --phase-limit-min M  abort when a phase takes longer (default 15)""";

  static BenchOptions parse(String[] args) {
    int schedules = 200_000;
    boolean schedulesGiven = false;
    List<Integer> nodes = List.of(1);
    long latencyMs = 0;
    boolean drain = false;
    boolean skipReferences = false;
    boolean writeDocs = true;
    String docsDir = "docs";
    String dbUrl = "jdbc:postgresql://127.0.0.1:5432/test";
    String dbUser = "postgres";
    int phaseLimit = 15;
    boolean steady = false;
    int steadyRate = 1000;
    int steadySeconds = 30;
    int warmUp = -1;
    boolean sqlite = false;
    boolean databaseGiven = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--schedules" -> {
          schedules = positive(arg, value(args, ++i, arg));
          schedulesGiven = true;
        }
        case "--nodes" -> nodes = nodeList(value(args, ++i, arg));
        case "--latency-ms" -> latencyMs = Long.parseLong(value(args, ++i, arg));
        case "--drain" -> drain = true;
        case "--skip-references" -> skipReferences = true;
        case "--write-docs" -> writeDocs = true;
        case "--no-write-docs" -> writeDocs = false;
        case "--docs" -> docsDir = value(args, ++i, arg);
        case "--db-url" -> {
          dbUrl = value(args, ++i, arg);
          databaseGiven = true;
        }
        case "--db-user" -> {
          dbUser = value(args, ++i, arg);
          databaseGiven = true;
        }
        case "--sqlite" -> sqlite = true;
        case "--phase-limit-min" -> phaseLimit = positive(arg, value(args, ++i, arg));
        case "--steady" -> steady = true;
        case "--warmup" -> warmUp = Integer.parseInt(value(args, ++i, arg));
        // a rate or a length only means something for the steady load, so either asks for it
        case "--steady-rate" -> {
          steadyRate = positive(arg, value(args, ++i, arg));
          steady = true;
        }
        case "--steady-seconds" -> {
          steadySeconds = positive(arg, value(args, ++i, arg));
          steady = true;
        }
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (sqlite) {
      refuseForSqlite(nodes, steady, drain, databaseGiven);
      skipReferences = true; // db-scheduler and the raw SQL ceiling run on PostgreSQL only
    }
    if (steady && (drain || schedulesGiven || nodes.size() > 1)) {
      throw new IllegalArgumentException(
          "--steady runs only the steady load on one node count; --schedules, --drain and a"
              + " --nodes list are for the burst runs");
    }
    if ((long) steadyRate * steadySeconds > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--steady-rate × --steady-seconds is too many schedules");
    }
    if (drain && !schedulesGiven) {
      schedules = DRAIN_SCHEDULES;
    }
    if (warmUp < 0) {
      warmUp = Math.min(20_000, schedules / 10);
    }
    return new BenchOptions(
        schedules,
        nodes,
        latencyMs,
        drain,
        skipReferences,
        writeDocs,
        docsDir,
        dbUrl,
        dbUser,
        phaseLimit,
        steady,
        steadyRate,
        steadySeconds,
        warmUp,
        sqlite,
        "./paycron bench" + (args.length == 0 ? "" : " " + String.join(" ", args)));
  }

  /**
   * SQLite serves one node (the server takes an OS file lock on its database) and has neither the
   * steady load's nor the drain's target; the database options are PostgreSQL's.
   */
  private static void refuseForSqlite(
      List<Integer> nodes, boolean steady, boolean drain, boolean databaseGiven) {
    if (!nodes.equals(List.of(1))) {
      throw new IllegalArgumentException(
          "--sqlite runs one node: the embedded SQLite database serves one process (the server"
              + " locks its file), so --nodes "
              + String.join(",", nodes.stream().map(String::valueOf).toList())
              + " needs PostgreSQL (leave out --sqlite)");
    }
    if (steady || drain) {
      throw new IllegalArgumentException(
          "--sqlite runs the burst (--schedules N due in one second); --steady and --drain are"
              + " PostgreSQL runs");
    }
    if (databaseGiven) {
      throw new IllegalArgumentException(
          "--sqlite makes its own embedded SQLite database; --db-url and --db-user are for"
              + " PostgreSQL");
    }
  }

  /** How many schedules the steady load offers in all. */
  int steadySchedules() {
    return steadyRate * steadySeconds;
  }

  /** A run over several node counts reports how throughput scales. */
  boolean scaling() {
    return nodes.size() > 1;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static int positive(String option, String text) {
    int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, got " + text);
    }
    return value;
  }

  private static List<Integer> nodeList(String text) {
    List<Integer> nodes = new ArrayList<>();
    for (String part : text.split(",")) {
      int count = positive("--nodes", part.trim());
      if (count > 8) {
        throw new IllegalArgumentException("--nodes: at most 8 in-process nodes, got " + count);
      }
      nodes.add(count);
    }
    return List.copyOf(nodes);
  }

  /**
   * The same options for a warm-up of {@code n} schedules: nothing written, no warm-up of its own.
   */
  BenchOptions forWarmUp(int n) {
    return new BenchOptions(
        n,
        nodes,
        latencyMs,
        false,
        skipReferences,
        false,
        docsDir,
        dbUrl,
        dbUser,
        phaseLimitMinutes,
        false,
        steadyRate,
        steadySeconds,
        0,
        sqlite,
        commandLine);
  }
}
