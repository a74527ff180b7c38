package io.paycron.schedule;

import io.paycron.clock.TestClockWork;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** Schedules of customers on a test clock: due by the clock, run when it is advanced. */
@Component
class TestClockSchedules implements TestClockWork {

  private final TestClockScheduleRepository schedules;
  private final ScheduleExecutor executor;

  TestClockSchedules(TestClockScheduleRepository schedules, ScheduleExecutor executor) {
    this.schedules = schedules;
    this.executor = executor;
  }

  @Override
  public OptionalLong nextDue(String merchantId, String testClockId, long upTo) {
    return schedules.nextDueOnTestClock(merchantId, testClockId, upTo);
  }

  @Override
  public int runDue(String merchantId, String testClockId, long now) {
    return executor.runDueOnTestClock(merchantId, testClockId, now);
  }
}
