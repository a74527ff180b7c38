package io.paycron.schedule;

import io.paycron.customer.BillingKeyListener;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** A deleted billing key cannot be charged: its pending schedules are revoked with it. */
@Component
class RevokeOnBillingKeyDelete implements BillingKeyListener {

  private final ScheduleRepository schedules;
  private final Clock clock;

  RevokeOnBillingKeyDelete(ScheduleRepository schedules, Clock clock) {
    this.schedules = schedules;
    this.clock = clock;
  }

  @Override
  public List<String> onDeleted(String merchantId, String customerUid) {
    return schedules.revoke(merchantId, customerUid, List.of(), clock.millis()).stream()
        .map(Schedule::merchantUid)
        .toList();
  }
}
