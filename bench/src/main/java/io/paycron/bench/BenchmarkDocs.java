package io.paycron.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/benchmarks.md. Each kind of run (side by side, 1M drain, node scaling, steady load, embedded
 * SQLite) rewrites its own section and keeps the others, so the page always holds the latest run of
 * each kind; the text above the sections is kept as found (a new page starts from {@link #HEADER});
 * the method text is rewritten every time from here.
 */
final class BenchmarkDocs {

  static final String COMPARISON = "comparison";
  static final String DRAIN = "drain";
  static final String SCALING = "scaling";
  static final String STEADY = "steady";
  static final String SQLITE = "sqlite";

  private static final Map<String, String> NOT_RUN_YET = new LinkedHashMap<>();

  static {
    NOT_RUN_YET.put(COMPARISON, "## Side by side\n\n_Not run yet: `./paycron bench`._\n");
    NOT_RUN_YET.put(
        DRAIN, "## 1,000,000 due in one second\n\n_Not run yet: `./paycron bench --drain`._\n");
    NOT_RUN_YET.put(
        SCALING,
        "## From 1 to 3 nodes\n\n_Not run yet: `./paycron bench --nodes 1,2,3 --skip-references`._\n");
    NOT_RUN_YET.put(STEADY, "## Steady load\n\n_Not run yet: `./paycron bench --steady`._\n");
    NOT_RUN_YET.put(
        SQLITE, "## Embedded SQLite, one node\n\n_Not run yet: `./paycron bench --sqlite`._\n");
  }

  private static final Pattern SECTION =
      Pattern.compile("<!-- bench:(\\w+) -->\\n(.*?)<!-- /bench:\\1 -->", Pattern.DOTALL);

  private BenchmarkDocs() {}

  /**
   * Replaces {@code sections} (name → Markdown) in {@code file}, keeping the others and the text
   * above the first section.
   */
  static void update(Path file, Map<String, String> sections) throws IOException {
    Map<String, String> current = new LinkedHashMap<>(NOT_RUN_YET);
    String preamble = HEADER;
    if (Files.exists(file)) {
      String text = Files.readString(file);
      Matcher matcher = SECTION.matcher(text);
      // notes written by hand above the sections (the run history) must survive a run
      if (matcher.find()) {
        preamble = text.substring(0, matcher.start()).stripTrailing() + "\n";
        matcher.reset();
      }
      while (matcher.find()) {
        if (current.containsKey(matcher.group(1))) {
          current.put(matcher.group(1), matcher.group(2));
        }
      }
    }
    current.putAll(sections);
    StringBuilder page = new StringBuilder(preamble);
    for (Map.Entry<String, String> section : current.entrySet()) {
      page.append("\n<!-- bench:")
          .append(section.getKey())
          .append(" -->\n")
          .append(section.getValue().stripTrailing())
          .append("\n<!-- /bench:")
          .append(section.getKey())
          .append(" -->\n");
    }
    page.append(METHOD);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, page.toString());
  }

  private static final String HEADER =
      """
      # Benchmarks

      Written by `./paycron bench` (module `bench`); every run rewrites the section of its kind
      (side by side, the 1,000,000 drain, node scaling, steady load, embedded SQLite) and keeps the
      latest of the others. The numbers come from the server code of the commit they were run on: see each
      section's date.
      """;

  private static final String METHOD =
      """

      ## Method

      - **One JVM, one PostgreSQL.** Paycron nodes run in the benchmark's JVM (`new
        SpringApplicationBuilder(PaycronApplication.class)`, the same `application.yml` and
        defaults as `./paycron serve`; only the database URL (with `--sqlite`, the data folder),
        the port, the sandbox webhook URL, the sandbox latency and the log file are given). Each
        system gets a fresh schema `bench_<timestamp>_<system>` in the `test` database, dropped at
        the end. The systems run one after another, never at the same time. `--sqlite` needs no
        PostgreSQL: see **Embedded SQLite** below.
      - **Paycron.** The sandbox merchant logs in over HTTP; one billing key (test card 4242…) is
        registered per 1,000 schedules; a short calibration load at a far-off date measures the
        API's rate so the due second can be set just after the real load ends. Before that,
        `--warmup` W schedules (default N / 10, at most 20,000) run through the same nodes, in
        rounds until one spends under a tenth of its time in the JIT compiler (at most 6), and the
        work tables are emptied: the measured run finds compiled code. Then N schedules,
        all at the same `schedule_at` second, go through `POST /subscribe/payments/schedule`,
        1,000 per call, from 4 concurrent clients spread over the nodes. **ingest/s** = N / wall
        time of those calls. From the due second, Paycron claims, charges (sandbox gateway, no
        added latency unless `--latency-ms`), records, and delivers one `schedule.executed` webhook
        per schedule to a local receiver (`com.sun.net.httpserver`, answers 200 at once).
        **executions/s** = N / (last `payments.paid_at` − due time). **webhook deliveries/s** = N /
        (last − first `webhook_deliveries.delivered_at`). **lag** = `payments.started_at −
        schedules.schedule_at` per schedule; p50 and p99 are what `percentile_disc` picks (the
        value at position ⌈p × N⌉ in lag order), taken with `ORDER BY … LIMIT 1 OFFSET` so that
        PostgreSQL and SQLite run the same SQL. All of these are read from the database after the
        run; during it the console shows progress from a cheap count (the due queue, which holds
        only what is still due) and the receiver's count. Paycron's own log goes to
        `target/bench-paycron.log` (as in production: a line per batch of charges and of webhook
        attempts, one per charge or attempt that failed; successes at DEBUG).
      - **Steady load** (`--steady`; Paycron only, on `--nodes N` nodes, default 1). The same setup and
        calibration, but the N = R × S schedules (`--steady-rate R`, default 1,000;
        `--steady-seconds S`, default 30) are spread over S consecutive seconds: schedule i is due
        at the first due second + ⌊i / R⌋, so R fall due in each second, the first a few seconds
        after loading ends. Loading is over before anything is due, so the API is idle while they
        execute. The run waits until every schedule is executed and its webhook delivered.
        **lag** is as above, over all N; **executions/s achieved** = N / (last `payments.paid_at`
        − first due second), but over no less than S seconds, so keeping up reads as R. When it
        falls below 95 % of R, R is above capacity on this machine and the verdict says so.
      - **Embedded SQLite** (`--sqlite`; Paycron only, one node, no PostgreSQL). The same burst,
        warm-up and measurements as **Paycron** above, with the node on its embedded default, as
        `./paycron serve` without `PAYCRON_DB_URL`: no database URL (an empty `paycron.db-url`,
        so an exported `PAYCRON_DB_URL` cannot turn the run into a PostgreSQL run), `paycron.data`
        a fresh temporary folder under `java.io.tmpdir` (its file system is in the machine line),
        deleted after the run, and the server's own SQLite settings (WAL, `synchronous=FULL`, one
        writer). The harness reads the node's `paycron.db` over read-only connections of its own
        while the node runs (WAL lets readers in beside the writer); its two writes between phases
        (dropping the calibration load, emptying the tables after the warm-up) wait for the node's
        writer as the node's own do. SQLite serves one process (the server locks its file), so a
        node list is refused; db-scheduler and the raw SQL ceiling run on PostgreSQL and are left
        out. Target: **≥ 1,000 executions/s on one node**, executions/s as above.
      - **db-scheduler** (`com.github.kagkarlsson:db-scheduler` 16.7.1, the newest version served
        here): its PostgreSQL `scheduled_tasks` table (from its docs), one one-time task instance
        per schedule, loaded with its own `SchedulerClient.scheduleBatch` (1,000 per batch, 4
        concurrent clients), all due in the same second. A `Scheduler` with
        `pollUsingLockAndFetch(0.5, 1.0)`, 16 threads (Paycron's charge concurrency) and a 500 ms
        polling interval (Paycron's) executes them; each execution, in its own transaction,
        inserts a payment row, updates the schedule row and inserts an outbox row, then
        db-scheduler removes the task row.
      - **raw SQL ceiling**: 2 threads, one connection each, loop on `UPDATE bench_schedules …
        WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1000) RETURNING …`, then in the same
        transaction one multi-row `INSERT` of payments and one of outbox rows (`unnest` arrays).
        Rows are loaded with one `INSERT … SELECT generate_series`.
      - **What differs.** The references do the core per-item work only. Paycron also writes a
        payment attempt with its idempotency key before calling the gateway, calls the sandbox
        gateway (which records the charge in its own table, as a card network would), records the
        outcome, writes an event and a delivery row, and delivers, signs and logs every webhook.
      - **PostgreSQL as this machine has it**: Debian's PostgreSQL 15 with its defaults
        (`shared_buffers` 128 MB, `max_wal_size` 1 GB, `synchronous_commit` on) and **autovacuum
        off** (this machine kind's `conf.d/90-ci.conf`). Nothing is tuned for the benchmark.
        Without autovacuum nothing refreshes the planner's statistics, so Paycron's own
        statistics keeper (below) matters more here than on a server with autovacuum; the
        references get no such help.
      - **Paycron's PostgreSQL settings** are its production ones: its pool sets
        `plan_cache_mode=force_custom_plan` and `random_page_cost=1.1` on its own connections,
        and its statistics keeper `ANALYZE`s a busy table (sample target 10) once a tenth of it
        changed.
      - **Peak heap** is the JVM's heap in use, sampled every 100 ms while the system runs (after
        a `System.gc()` at its start). It includes the harness: the HTTP load clients, the
        webhook receiver and the JDBC polling of the benchmark itself.
      - **p99 lag ≤ 1 s below capacity** is a steady-state target; a burst of N due in one second
        is far above capacity by design, so its p99 lag is about the drain time. The target is
        judged on the steady load only.
      """;
}
