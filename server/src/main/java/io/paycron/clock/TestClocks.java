package io.paycron.clock;

import io.paycron.RuntimeMode;
import io.paycron.common.Secrets;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Test clocks (sandbox only): a merchant creates one, attaches customers to it, and advances it;
 * everything due for those customers up to the new time runs, in time order, with the clock showing
 * each step's time. Other merchants and customers stay on the wall clock.
 */
@Service
public class TestClocks {

  static final String NOT_FOUND = "test clock not found";

  /** How far one advance may move a clock: it runs everything due in between before answering. */
  static final Duration MAX_ADVANCE = Duration.ofDays(5 * 366);

  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int MAX_STEPS = 100_000;
  private static final Logger log = LoggerFactory.getLogger(TestClocks.class);

  private final TestClockRepository clocks;
  private final ScopedClock clock;
  private final RuntimeMode mode;
  private final ObjectProvider<TestClockWork> work;

  TestClocks(
      TestClockRepository clocks,
      ScopedClock clock,
      RuntimeMode mode,
      ObjectProvider<TestClockWork> work) {
    this.clocks = clocks;
    this.clock = clock;
    this.mode = mode;
    this.work = work;
  }

  TestClock create(Merchant merchant, Optional<Long> frozenTimeSeconds, String name) {
    requireSandbox();
    long frozen =
        frozenTimeSeconds.map(s -> validTime(s, "frozen_time")).orElse(clock.millis() / 1000);
    TestClock created =
        new TestClock(
            merchant.id(),
            "clock_" + Secrets.randomHex(12),
            name,
            frozen * 1000,
            false,
            clock.millis(),
            1);
    clocks.insert(created);
    log.info(
        "test clock created: merchant={} test_clock={} frozen_time={}",
        merchant.id(),
        created.testClockId(),
        Instant.ofEpochMilli(created.frozenTime()));
    return created;
  }

  TestClock get(Merchant merchant, String testClockId) {
    requireSandbox();
    return clocks
        .find(merchant.id(), testClockId)
        .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
  }

  /**
   * Moves the clock forward to {@code frozenTimeSeconds} and returns when everything due up to then
   * has run. Only one advance of a clock runs at a time; a second one meanwhile is refused (409).
   */
  TestClock advance(Merchant merchant, String testClockId, long frozenTimeSeconds) {
    TestClock current = get(merchant, testClockId);
    long target = validTime(frozenTimeSeconds, "frozen_time") * 1000;
    if (target < current.frozenTime()) {
      throw new ApiException.InvalidRequest(
          "frozen_time: "
              + frozenTimeSeconds
              + " is before the clock's time ("
              + current.frozenTime() / 1000
              + "); a test clock only moves forward");
    }
    if (target - current.frozenTime() > MAX_ADVANCE.toMillis()) {
      throw new ApiException.InvalidRequest(
          "frozen_time: a test clock moves at most "
              + MAX_ADVANCE.toDays()
              + " days per advance; advance in several steps");
    }
    if (!runUpTo(merchant.id(), testClockId, target)) {
      throw new ApiException.Conflict(
          "test clock " + testClockId + " is advancing; try again when its status is ready");
    }
    return get(merchant, testClockId);
  }

  /**
   * Runs what is due on the clock at its current time (after a subscription or a new card made a
   * charge due "now"). A clock being advanced is left alone: its advance picks the work up.
   */
  public void runDueNow(String merchantId, String testClockId) {
    clocks
        .find(merchantId, testClockId)
        .ifPresent(c -> runUpTo(merchantId, testClockId, c.frozenTime()));
  }

  private boolean runUpTo(String merchantId, String testClockId, long target) {
    long wallNow = clock.wallInstant().toEpochMilli();
    if (!clocks.beginAdvance(merchantId, testClockId, wallNow, wallNow + LEASE.toMillis())) {
      return false;
    }
    try {
      List<TestClockWork> kinds = work.orderedStream().toList();
      // this advance holds the clock: only its own steps move the time
      long frozen = clocks.find(merchantId, testClockId).orElseThrow().frozenTime();
      for (int step = 0; step < MAX_STEPS; step++) {
        OptionalLong next =
            kinds.stream()
                .map(w -> w.nextDue(merchantId, testClockId, target))
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (next.isEmpty()) {
          break;
        }
        long at = Math.max(next.getAsLong(), frozen);
        moveTo(merchantId, testClockId, at);
        frozen = at;
        int ran =
            clock.at(
                Instant.ofEpochMilli(at),
                () -> kinds.stream().mapToInt(w -> w.runDue(merchantId, testClockId, at)).sum());
        if (ran == 0) {
          // something claims to be due yet nothing could run it: stop rather than spin
          log.warn(
              "test clock {} of merchant {}: work due at {} did not run",
              testClockId,
              merchantId,
              Instant.ofEpochMilli(at));
          break;
        }
      }
      moveTo(merchantId, testClockId, target);
    } finally {
      clocks.endAdvance(merchantId, testClockId);
    }
    return true;
  }

  private void moveTo(String merchantId, String testClockId, long time) {
    long wallNow = clock.wallInstant().toEpochMilli();
    clocks.moveTo(merchantId, testClockId, time, wallNow + LEASE.toMillis(), wallNow);
  }

  /**
   * Attaches a customer to a clock (when its billing key is created with test_clock_id). A customer
   * stays on its clock, also when its card is replaced.
   */
  public void attach(Merchant merchant, String customerUid, String testClockId) {
    requireAttachable(merchant, customerUid, testClockId);
    clocks.attach(merchant.id(), customerUid, testClockId);
  }

  /** Refuses a clock that does not exist, or a customer already on another clock. */
  public void requireAttachable(Merchant merchant, String customerUid, String testClockId) {
    get(merchant, testClockId);
    Optional<String> existing = clocks.clockOf(merchant.id(), customerUid);
    if (existing.isPresent() && !existing.get().equals(testClockId)) {
      throw new ApiException.InvalidRequest(
          "test_clock_id: customer_uid "
              + customerUid
              + " is already on test clock "
              + existing.get()
              + "; a customer stays on its clock");
    }
  }

  /** The clock a customer is on, if any. */
  public Optional<String> clockOf(String merchantId, String customerUid) {
    return clocks.clockOf(merchantId, customerUid);
  }

  /** A clock's time, if it exists. */
  public Optional<Long> timeOf(String merchantId, String testClockId) {
    return clocks.find(merchantId, testClockId).map(TestClock::frozenTime);
  }

  /** Runs {@code work} in the customer's time (its test clock's, if it is on one). */
  public <T> T inTimeOf(String merchantId, String customerUid, Supplier<T> work) {
    Optional<Long> time = clockOf(merchantId, customerUid).flatMap(id -> timeOf(merchantId, id));
    return time.isEmpty() ? work.get() : clock.at(Instant.ofEpochMilli(time.get()), work);
  }

  private void requireSandbox() {
    if (!mode.isSandbox()) {
      throw new ApiException.InvalidRequest(
          "test clocks exist only in sandbox mode; this server runs in production mode");
    }
  }

  private static long validTime(long seconds, String field) {
    if (seconds < 0 || seconds > 253_402_300_799L) {
      throw new ApiException.InvalidRequest(
          field + ": must be UNIX seconds between 0 and 253402300799, got " + seconds);
    }
    return seconds;
  }
}
