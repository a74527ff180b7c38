package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.storage.ChargeRun.Card;
import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.LoggedWarnings;
import io.paycron.support.PostgresSchema;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import io.paycron.support.WebhookTally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A charge run on real PostgreSQL while the database cuts the server's connections (as a restart or
 * failover does) and the card network times out in bulk. Afterwards every payment must be final and
 * equal to what the sandbox card network recorded: nothing charged twice, nothing due left
 * uncharged, every event delivered. The numbers are printed as {@code [PostgresFaultTest]} lines.
 *
 * <p>Runs in {@code verify} at a reduced size; the full size is the command in docs/reliability.md.
 * Sizes: {@code -Dpaycron.faults.schedules}, {@code -Dpaycron.faults.cuts}, {@code
 * -Dpaycron.faults.cutEveryMs}.
 */
class PostgresFaultTest {

  private static final int SCHEDULES = Integer.getInteger("paycron.faults.schedules", 1000);
  private static final int CUTS = Integer.getInteger("paycron.faults.cuts", 10);
  private static final Duration CUT_EVERY =
      Duration.ofMillis(Long.getLong("paycron.faults.cutEveryMs", 200));

  /** What the server needs to settle everything, on the slowest machine we run on. */
  private static final Duration SETTLE_DEADLINE =
      Duration.ofSeconds(Long.getLong("paycron.faults.deadlineSeconds", 60 + SCHEDULES / 100));

  /** How often a merchant reads one of its schedules during the run. */
  private static final Duration PROBE_EVERY = Duration.ofMillis(50);

  private static final Map<String, Object> SERVER =
      Map.of(
          // reconciliation runs on the server's clock, which here follows the wall clock
          TestServer.CLOCK,
          TestServer.TICKING,
          // short, so attempts a cut left behind are looked up within seconds
          "paycron.gateway-timeout",
          "2",
          "paycron.reconcile-interval",
          "1",
          // the "times out" cards wait this long before giving up
          "paycron.sandbox.timeout-delay-ms",
          "100",
          "paycron.webhook.timeout-seconds",
          "2");

  private static PostgresSchema db;
  private static TestServer server;

  @BeforeAll
  static void start() {
    db = PostgresSchema.create();
    server = TestServer.on(db, SERVER);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void everyScheduleIsChargedOnceAndAnnouncedWhileTheDatabaseCutsEveryConnection()
      throws InterruptedException {
    run("connection cuts", Map.of(Card.APPROVES, SCHEDULES));
  }

  @Test
  void bulkTimeoutsAndUnknownOutcomesSettleToWhatTheCardNetworkDidWhileConnectionsAreCut()
      throws InterruptedException {
    int fifth = SCHEDULES / 5;
    run(
        "timeouts + cuts",
        Map.of(
            Card.APPROVES,
            SCHEDULES - 2 * fifth,
            Card.TIMES_OUT_AFTER_CHARGING,
            fifth,
            Card.TIMES_OUT_WITHOUT_CHARGING,
            fifth));
  }

  /**
   * A request whose pooled connection was cut answers 503 with Retry-After, the V1 envelope with
   * code -1: try again shortly. It used to be a 500 "internal error" with a stack trace. Both a
   * read and a write (a transaction) are tried.
   */
  @Test
  void aRequestCaughtByACutConnectionAnswers503WithRetryAfter() {
    ApiClient api = server.sandboxClient();
    assertAnswers503AfterACut(() -> api.get("/subscribe/customers/nobody"), 404);
    assertThat(api.postJson("/subscribe/customers/cut", Cards.card(Cards.APPROVE)).code()).isZero();
    AtomicInteger next = new AtomicInteger();
    assertAnswers503AfterACut(
        () ->
            api.postJson(
                "/subscribe/payments/schedule",
                Map.of(
                    "customer_uid",
                    "cut",
                    "schedules",
                    List.of(
                        Map.of(
                            "merchant_uid",
                            "cut_" + next.incrementAndGet(),
                            "schedule_at",
                            server.clock().millis() / 1000 + 3600,
                            "amount",
                            1000)))),
        200);
  }

  /**
   * Cuts the server's connections before each {@code request} until one meets a dead connection
   * (one used within the last half second is handed out unchecked, so that comes soon); it must
   * answer 503, and the request must answer {@code usual} again once the pool has new connections.
   */
  private static void assertAnswers503AfterACut(Supplier<ApiClient.Answer> request, int usual) {
    ApiClient.Answer answer =
        await("a request that met a cut connection")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  ConnectionCutter.cutNow(db);
                  return request.get();
                },
                reply -> reply.status() != usual);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
    assertThat(answer.code()).isEqualTo(-1);
    assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("1");
    await("the pool replaced its cut connections")
        .atMost(Duration.ofSeconds(10))
        .until(() -> request.get().status() == usual);
  }

  /**
   * A delivery whose result meets a cut connection is recorded on a later pass: delivered once and
   * at once. The result used to be dropped, so the event stayed "delivering" until its lease ended
   * (webhook timeout + 30 s) and was then sent to the merchant again.
   */
  @Test
  void aWebhookWhoseResultMeetsACutConnectionIsRecordedOnALaterPassNotSentTwice() {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        LoggedWarnings warnings = LoggedWarnings.capture()) {
      WebhookTally tally = new WebhookTally();
      receiver.answer(
          request -> {
            tally.count(request);
            ConnectionCutter.cutNow(db); // the dispatcher is about to record this answer
            return 200;
          });
      // whether the recording meets a dead connection is a race: rounds until one did
      int rounds = 0;
      while (warnings.count("could not record") == 0 && rounds < 10) {
        rounds++;
        ChargeRun run =
            ChargeRun.schedule(server, db, Map.of(Card.APPROVES, 20), receiver.url("/cut"));
        run.makeDue();
        awaitOrExplain(run, "every schedule settled", () -> run.settled() == run.total());
        await("every webhook delivered, sooner than a lease ends")
            .atMost(Duration.ofSeconds(20))
            .until(() -> run.delivered() == run.total());
      }
      log(
          "webhooks answered while connections were cut: %d requests for %d payments in %d"
              + " round(s), %d recordings failed and were retried",
          tally.requests(), tally.distinctImpUids(), rounds, warnings.count("could not record"));
      assertThat(warnings.count("could not record")).as("recordings that met a cut").isPositive();
      assertThat(tally.duplicates()).as("events sent twice").isZero();
    }
  }

  private static void run(String name, Map<Card, Integer> mix) throws InterruptedException {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      WebhookTally tally = WebhookTally.answering(receiver, 200);
      ChargeRun run = ChargeRun.schedule(server, db, mix, receiver.url("/faults"));
      List<ConnectionCutter.Cut> cuts;
      Map<String, Integer> apiAnswers;
      long startedAt = System.nanoTime();
      try (LoggedWarnings warnings = LoggedWarnings.capture()) {
        run.makeDue();
        try (ApiProbe probe = run.probe(PROBE_EVERY)) {
          // the first cut lands on charges in flight: once the first batch is claimed
          await("the first schedules claimed")
              .atMost(SETTLE_DEADLINE)
              .pollInterval(Duration.ofMillis(10))
              .until(() -> run.progress().claimed() > 0);
          try (ConnectionCutter cutter =
              ConnectionCutter.start(db, CUTS, CUT_EVERY, run::progress)) {
            cuts = cutter.awaitAll(SETTLE_DEADLINE);
            assertThat(cutter.failures()).as("the cutter's own errors").isEmpty();
          }
          awaitOrExplain(run, "every schedule settled", () -> run.settled() == run.total());
          apiAnswers = probe.answers();
        }
        long settledMs = millisSince(startedAt);
        awaitOrExplain(
            run,
            "every payment announced",
            () -> run.delivered() == run.total() && tally.distinctImpUids() == run.total());
        long deliveredMs = millisSince(startedAt);
        report(name, run, cuts, warnings, tally, apiAnswers, settledMs, deliveredMs);
      }
      assertThat(cuts).as("cuts made").hasSize(CUTS);
      assertThat(cuts.get(0).before().settled())
          .as("schedules settled before the first cut")
          .isLessThan(run.total());
      assertThat(cuts.stream().mapToLong(ConnectionCutter.Cut::connections).sum())
          .as("connections cut")
          .isPositive();
      run.assertEveryPaymentMatchesTheCardNetwork();
      run.assertEveryPaymentWasAnnounced(tally);
      // a read may fail while its connection is cut (503, the V1 envelope with code -1), but is
      // never answered wrongly: no "not found", no "unauthorized" for a token that is valid, no 500
      assertThat(apiAnswers.keySet()).as("API answers meanwhile").isSubsetOf("200/0", "503/-1");
      assertThat(apiAnswers).containsKey("200/0");
    }
  }

  private static void awaitOrExplain(
      ChargeRun run, String what, java.util.concurrent.Callable<Boolean> done) {
    try {
      await(what).atMost(SETTLE_DEADLINE).pollInterval(Duration.ofMillis(200)).until(done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          what + " within " + SETTLE_DEADLINE + ": " + run.whereThingsStand(), e);
    }
  }

  private static void report(
      String name,
      ChargeRun run,
      List<ConnectionCutter.Cut> cuts,
      LoggedWarnings warnings,
      WebhookTally tally,
      Map<String, Integer> apiAnswers,
      long settledMs,
      long deliveredMs) {
    log("---- %s: %d schedules %s ----", name, run.total(), run.paymentsByCardAndStatus());
    log(
        "%d cuts every %d ms ended %d connections; %d landed while schedules were claimed",
        cuts.size(),
        CUT_EVERY.toMillis(),
        cuts.stream().mapToLong(ConnectionCutter.Cut::connections).sum(),
        cuts.stream().filter(c -> c.before().claimed() > 0).count());
    log("each cut: connections ended@schedules claimed/settled: %s", cuts);
    log("API answers to a merchant reading a schedule meanwhile (status/code): %s", apiAnswers);
    log("server warnings and errors: %d", warnings.total());
    warnings.byKind().forEach((kind, count) -> log("  %5d  %s", count, kind));
    log(
        "all settled %d ms after the schedules fell due, all delivered after %d ms",
        settledMs, deliveredMs);
    log(
        "webhook requests: %d for %d payments (%d duplicates)",
        tally.requests(), tally.distinctImpUids(), tally.duplicates());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.println("[PostgresFaultTest] " + String.format(format, args));
  }
}
