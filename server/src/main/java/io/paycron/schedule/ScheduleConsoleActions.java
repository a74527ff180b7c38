package io.paycron.schedule;

import io.paycron.merchant.MerchantDirectory;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the operator console may do to schedules: exactly what the merchant's own unschedule call
 * does (same checks, same events), for the merchant the schedule belongs to.
 */
@Service
public class ScheduleConsoleActions {

  private final ScheduleService schedules;
  private final MerchantDirectory merchants;

  ScheduleConsoleActions(ScheduleService schedules, MerchantDirectory merchants) {
    this.schedules = schedules;
    this.merchants = merchants;
  }

  /**
   * Revokes one pending schedule.
   *
   * @throws io.paycron.web.ApiException when it is not pending (or not there)
   */
  public void revoke(String merchantId, String merchantUid) {
    schedules.unschedule(merchants.get(merchantId), null, List.of(merchantUid));
  }
}
