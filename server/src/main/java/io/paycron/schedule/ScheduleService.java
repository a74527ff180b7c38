package io.paycron.schedule;

import io.paycron.clock.TestClocks;
import io.paycron.customer.BillingKey;
import io.paycron.customer.BillingKeyService;
import io.paycron.customer.CardInput;
import io.paycron.merchant.Merchant;
import io.paycron.payment.ChargeCommand;
import io.paycron.payment.ChargeInput;
import io.paycron.storage.SqlDialect;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.PageRequest;
import io.paycron.web.Paged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** i'mport's scheduled payments: create, revoke, move, reschedule, retry and list them. */
@Service
class ScheduleService {

  static final int MAX_PER_CALL = 1000;
  static final String NOT_FOUND = "존재하지 않는 결제정보입니다.";
  static final String NO_CUSTOMER = "등록된 고객정보가 없습니다.";
  static final String NOTHING_TO_REVOKE = "취소할 예약결제 기록이 존재하지 않습니다.";

  /** The last second a UNIX time in milliseconds can hold comfortably (year 9999). */
  private static final long LATEST_SECOND = 253_402_300_799L;

  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

  private final ScheduleRepository schedules;
  private final ScheduleListRepository lists;
  private final BillingKeyService billingKeys;
  private final ScheduleExecutor executor;
  private final io.paycron.payment.ChargeService charges;
  private final TransactionTemplate transactions;
  private final SqlDialect dialect;
  private final Clock clock;
  private final TestClocks testClocks;
  private final ObjectProvider<ScheduleOwners> owners;

  ScheduleService(
      ScheduleRepository schedules,
      ScheduleListRepository lists,
      BillingKeyService billingKeys,
      ScheduleExecutor executor,
      io.paycron.payment.ChargeService charges,
      TransactionTemplate transactions,
      SqlDialect dialect,
      Clock clock,
      TestClocks testClocks,
      ObjectProvider<ScheduleOwners> owners) {
    this.schedules = schedules;
    this.lists = lists;
    this.billingKeys = billingKeys;
    this.executor = executor;
    this.charges = charges;
    this.transactions = transactions;
    this.dialect = dialect;
    this.clock = clock;
    this.testClocks = testClocks;
    this.owners = owners;
  }

  /**
   * Validates every schedule before storing any: all of them are stored, or none. The billing key
   * is issued from card data only when the customer has none.
   */
  List<Schedule> create(Merchant merchant, ApiRequest request) {
    String customerUid = ChargeInput.identifier(request, "customer_uid");
    // a customer on a test clock schedules in that clock's time ("in the future" is its future)
    return testClocks.inTimeOf(
        merchant.id(), customerUid, () -> create(merchant, customerUid, request));
  }

  private List<Schedule> create(Merchant merchant, String customerUid, ApiRequest request) {
    List<ApiRequest> items = request.objects("schedules");
    if (items.isEmpty()) {
      throw new ApiException.InvalidRequest("schedules: at least one schedule is required");
    }
    if (items.size() > MAX_PER_CALL) {
      throw new ApiException.InvalidRequest(
          "schedules: at most " + MAX_PER_CALL + " schedules per call, got " + items.size());
    }
    Optional<io.paycron.gateway.Money> checking =
        request.optionalMoney("checking_amount", io.paycron.gateway.Money.KRW);
    long now = clock.millis();
    List<ScheduleItem> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ApiRequest item : items) {
      ScheduleItem schedule = ScheduleItem.read(item, customerUid);
      if (!seen.add(schedule.command().merchantUid())) {
        throw new ApiException.Refused(
            1, "merchant_uid(" + schedule.command().merchantUid() + ")가 요청 안에서 중복되었습니다.");
      }
      parsed.add(schedule);
    }
    for (ScheduleItem item : parsed) {
      if (item.scheduleAtSeconds() * 1000 <= now) {
        throw new ApiException.Refused(
            1,
            "merchant_uid("
                + item.command().merchantUid()
                + ")의 schedule_at("
                + item.scheduleAtSeconds()
                + ")은 현재 시각 이후여야 합니다.");
      }
    }
    seen.forEach(uid -> refuseOwned(merchant, uid));
    refuseExisting(merchant, seen);
    BillingKey key = billingKeyFor(merchant, customerUid, request);
    if (checking.isPresent() && checking.get().isPositive()) {
      charges
          .checkBillingKey(merchant, customerUid, checking.get())
          .ifPresent(
              reason -> {
                throw new ApiException.Refused(
                    1, "카드 확인 결제(checking_amount)가 승인되지 않아 예약하지 않았습니다: " + reason);
              });
    }
    String testClock = testClocks.clockOf(merchant.id(), customerUid).orElse(null);
    List<Schedule> stored =
        store(merchant, key, request.string("customer_id").orElse(null), parsed, testClock);
    executor.wake();
    log.info(
        "scheduled {} payment(s): merchant={} customer_uid={}",
        stored.size(),
        merchant.id(),
        customerUid);
    return stored;
  }

  private void refuseExisting(Merchant merchant, Set<String> merchantUids) {
    List<String> taken = schedules.existing(merchant.id(), merchantUids);
    if (!taken.isEmpty()) {
      throw duplicate(taken.get(0));
    }
  }

  private static ApiException.Refused duplicate(String merchantUid) {
    return new ApiException.Refused(
        1,
        "merchant_uid(" + merchantUid + ")는 이미 예약된 merchant_uid입니다. 예약결제마다 새 merchant_uid가 필요합니다.");
  }

  private BillingKey billingKeyFor(Merchant merchant, String customerUid, ApiRequest request) {
    Optional<BillingKey> existing = billingKeys.find(merchant, customerUid);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!CardInput.present(request)) {
      throw new ApiException.Refused(1, NO_CUSTOMER);
    }
    return billingKeys.register(
        merchant,
        customerUid,
        CardInput.read(request),
        request.string("pg").orElse(null),
        CardInput.customer(request));
  }

  private List<Schedule> store(
      Merchant merchant,
      BillingKey key,
      String customerId,
      List<ScheduleItem> items,
      String testClock) {
    try {
      return transactions.execute(
          tx -> {
            long now = clock.millis();
            List<Schedule> stored =
                items.stream()
                    .map(item -> item.toSchedule(merchant.id(), key, customerId, now, testClock))
                    .toList();
            schedules.insertAll(stored, now);
            return stored;
          });
    } catch (RuntimeException e) {
      if (dialect.isUniqueViolation(e)) {
        refuseExisting(
            merchant,
            items.stream()
                .map(i -> i.command().merchantUid())
                .collect(java.util.stream.Collectors.toSet()));
      }
      throw e;
    }
  }

  /** Revokes pending schedules: these merchant_uids, or all of the customer's when none. */
  List<Schedule> unschedule(Merchant merchant, String customerUid, List<String> merchantUids) {
    if (customerUid == null && merchantUids.isEmpty()) {
      throw new ApiException.InvalidRequest("customer_uid or merchant_uid: one is required");
    }
    merchantUids.forEach(uid -> refuseOwned(merchant, uid));
    List<Schedule> revoked =
        transactions.execute(
            tx -> {
              if (customerUid != null) {
                owners.orderedStream().forEach(o -> o.lockCustomer(merchant.id(), customerUid));
              }
              List<Schedule> taken =
                  schedules.revoke(merchant.id(), customerUid, merchantUids, clock.millis());
              List<String> uids = taken.stream().map(Schedule::merchantUid).toList();
              owners.orderedStream().forEach(o -> o.onRevoked(merchant.id(), uids));
              return taken;
            });
    if (revoked.isEmpty()) {
      throw new ApiException.Refused(1, NOTHING_TO_REVOKE);
    }
    return revoked;
  }

  Schedule get(Merchant merchant, String merchantUid) {
    return schedules
        .find(merchant.id(), merchantUid)
        .orElseThrow(() -> new ApiException.NotFound(NOT_FOUND));
  }

  Paged<Schedule> list(Merchant merchant, ScheduleListRepository.Filter filter, PageRequest page) {
    long total = lists.count(merchant.id(), filter);
    return Paged.of(
        total,
        page.page(),
        page.limit(),
        lists.list(merchant.id(), filter, page.limit(), page.offset()));
  }

  Schedule move(Merchant merchant, String merchantUid, long scheduleAtSeconds) {
    return inTimeOf(merchant, merchantUid, () -> moveNow(merchant, merchantUid, scheduleAtSeconds));
  }

  private Schedule moveNow(Merchant merchant, String merchantUid, long scheduleAtSeconds) {
    Schedule schedule = get(merchant, merchantUid);
    requireFuture(scheduleAtSeconds);
    if (!schedule.status().canMove()
        || !schedules.move(merchant.id(), merchantUid, scheduleAtSeconds * 1000, clock.millis())) {
      throw new ApiException.InvalidRequest(
          "merchant_uid("
              + merchantUid
              + "): only a scheduled payment can be moved; it is "
              + schedule.status().wire()
              + " (use reschedule for a failed or revoked one)");
    }
    executor.wake();
    return get(merchant, merchantUid);
  }

  Schedule reschedule(Merchant merchant, String merchantUid, long scheduleAtSeconds) {
    return inTimeOf(
        merchant, merchantUid, () -> rescheduleNow(merchant, merchantUid, scheduleAtSeconds));
  }

  private Schedule rescheduleNow(Merchant merchant, String merchantUid, long scheduleAtSeconds) {
    get(merchant, merchantUid);
    requireFuture(scheduleAtSeconds);
    if (!schedules.reschedule(
        merchant.id(), merchantUid, scheduleAtSeconds * 1000, clock.millis())) {
      throw new ApiException.InvalidRequest(
          "merchant_uid("
              + merchantUid
              + "): only a failed or revoked schedule can be rescheduled");
    }
    executor.wake();
    return get(merchant, merchantUid);
  }

  /** Charges a failed schedule now; returns the new payment's imp_uid. */
  String retry(Merchant merchant, String merchantUid) {
    return inTimeOf(merchant, merchantUid, () -> retryNow(merchant, merchantUid));
  }

  /**
   * Runs a change of one schedule in its customer's time (its test clock's, if any); a schedule
   * that Paycron booked itself (a subscription's charge) is changed through its owner only.
   */
  private <T> T inTimeOf(
      Merchant merchant, String merchantUid, java.util.function.Supplier<T> work) {
    refuseOwned(merchant, merchantUid);
    return testClocks.inTimeOf(merchant.id(), get(merchant, merchantUid).customerUid(), work);
  }

  private String retryNow(Merchant merchant, String merchantUid) {
    get(merchant, merchantUid);
    return executor
        .retryNow(merchant.id(), merchantUid)
        .orElseThrow(
            () ->
                new ApiException.InvalidRequest(
                    "merchant_uid("
                        + merchantUid
                        + "): only an executed schedule whose payment failed can be"
                        + " retried"));
  }

  private void refuseOwned(Merchant merchant, String merchantUid) {
    owners
        .orderedStream()
        .map(o -> o.ownerOf(merchant.id(), merchantUid))
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(
            owner -> {
              throw new ApiException.InvalidRequest(
                  "merchant_uid("
                      + merchantUid
                      + ") is a charge of "
                      + owner
                      + "; change it through /paycron/v1/subscriptions");
            });
  }

  private void requireFuture(long scheduleAtSeconds) {
    if (scheduleAtSeconds > LATEST_SECOND) {
      throw new ApiException.InvalidRequest("schedule_at: must be UNIX seconds before year 10000");
    }
    if (scheduleAtSeconds * 1000 <= clock.millis()) {
      throw new ApiException.InvalidRequest("schedule_at: must be in the future");
    }
  }

  /** One schedule of a schedule call, validated. */
  record ScheduleItem(long scheduleAtSeconds, ChargeCommand command, String promotionId) {

    static ScheduleItem read(ApiRequest item, String customerUid) {
      long at =
          item.longValue("schedule_at")
              .orElseThrow(
                  () ->
                      new ApiException.InvalidRequest(
                          fieldOf(item, "schedule_at") + " is required"));
      if (at <= 0 || at > LATEST_SECOND) {
        throw new ApiException.InvalidRequest(
            fieldOf(item, "schedule_at") + " must be UNIX seconds");
      }
      return new ScheduleItem(
          at, ChargeInput.command(item, customerUid), item.string("promotion_id").orElse(null));
    }

    private static String fieldOf(ApiRequest item, String field) {
      return "schedules[]." + field + ":";
    }

    Schedule toSchedule(
        String merchantId, BillingKey key, String customerId, long now, String testClockId) {
      return new Schedule(
          merchantId,
          command.merchantUid(),
          command.customerUid(),
          customerId != null ? customerId : key.customer().customerId(),
          scheduleAtSeconds * 1000,
          command.amount(),
          command.name(),
          command.withBuyerDefaultsOf(key.customer()).buyer(),
          command.customData(),
          command.noticeUrl(),
          command.cardQuota(),
          promotionId,
          key.pgProvider(),
          key.pgId(),
          ScheduleStatus.SCHEDULED,
          null,
          null,
          null,
          0,
          0,
          now,
          1,
          testClockId);
    }
  }
}
