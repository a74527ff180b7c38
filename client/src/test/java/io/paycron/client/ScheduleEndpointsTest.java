package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScheduleEndpointsTest {

  private static final Instant DUE = Instant.ofEpochSecond(1702682000L);

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  ScheduleEndpointsTest() throws Exception {
    stub = new StubServer(clock);
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void schedulesPaymentsWithUnixSecondsAndReturnsThem() {
    stub.respond(
        "POST",
        "/subscribe/payments/schedule",
        200,
        StubServer.ok("[" + Fixtures.PENDING_SCHEDULE + "]"));

    List<Schedule> stored =
        client.schedule(
            ScheduleRequest.of(
                "cust-1",
                List.of(
                    ScheduleItem.of("sub-2024-02", DUE.plusMillis(900), new BigDecimal("8900"))
                        .withOptions(
                            ChargeOptions.builder()
                                .name("Monthly plan")
                                .noticeUrl("https://merchant.example/hook")
                                .build()))));

    JsonNode body = stub.lastCall().json();
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("customer_uid", "schedules");
    JsonNode item = body.path("schedules").get(0);
    assertThat(item.propertyNames())
        .containsExactlyInAnyOrder("merchant_uid", "schedule_at", "amount", "name", "notice_url");
    assertThat(item.path("schedule_at").isIntegralNumber()).isTrue();
    assertThat(item.path("schedule_at").longValue()).isEqualTo(1702682000L);
    assertThat(stored).hasSize(1);
    Schedule schedule = stored.get(0);
    assertThat(schedule.scheduleStatus()).isEqualTo(ScheduleStatus.SCHEDULED);
    assertThat(schedule.scheduleAt()).isEqualTo(DUE);
    assertThat(schedule.impUid()).isNull();
    assertThat(schedule.paymentStatus()).isNull();
    assertThat(schedule.executedAt()).isNull();
  }

  @Test
  void sendsCardDataAtTopLevelToIssueTheBillingKeyFirst() {
    stub.respond("POST", "/subscribe/payments/schedule", 200, StubServer.ok("[]"));

    client.schedule(
        ScheduleRequest.of("cust-1", List.of(ScheduleItem.of("m-1", DUE, BigDecimal.TEN)))
            .withCard(Card.of("4242424242424242", "2030-12", "900101", "12"))
            .withCustomerId("user-9")
            .withCheckingAmount(new BigDecimal("1000")));

    assertThat(stub.lastCall().json().propertyNames())
        .containsExactlyInAnyOrder(
            "customer_uid",
            "customer_id",
            "checking_amount",
            "card_number",
            "expiry",
            "birth",
            "pwd_2digit",
            "schedules");
  }

  @Test
  void unschedulesTheNamedMerchantUidsAsAnArray() {
    stub.respond(
        "POST",
        "/subscribe/payments/unschedule",
        200,
        StubServer.ok("[" + Fixtures.SCHEDULE + "]"));

    List<Schedule> revoked = client.unschedule("cust-1", List.of("sub-2024-02"));

    assertThat(stub.lastCall().body())
        .isEqualTo("{\"customer_uid\":\"cust-1\",\"merchant_uid\":[\"sub-2024-02\"]}");
    assertThat(revoked).hasSize(1);
  }

  @Test
  void unschedulesByMerchantUidAloneWithoutACustomer() {
    stub.respond("POST", "/subscribe/payments/unschedule", 200, StubServer.ok("[]"));

    client.unschedule(null, List.of("a", "b"));

    assertThat(stub.lastCall().body()).isEqualTo("{\"merchant_uid\":[\"a\",\"b\"]}");
  }

  @Test
  void refusesAnEmptyListBecauseTheServerWouldRevokeEverything() {
    assertThatThrownBy(() -> client.unschedule("cust-1", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unscheduleAll");
    assertThat(stub.calls()).isEmpty();
  }

  @Test
  void unschedulesEverythingOnlyWhenAskedByName() {
    stub.respond("POST", "/subscribe/payments/unschedule", 200, StubServer.ok("[]"));

    client.unscheduleAll("cust-1");

    assertThat(stub.lastCall().body()).isEqualTo("{\"customer_uid\":\"cust-1\"}");
  }

  @Test
  void readsAnExecutedScheduleWhoseChargeFailed() {
    stub.respond(
        "GET", "/subscribe/payments/schedule/sub-2024-01", 200, StubServer.ok(Fixtures.SCHEDULE));

    Schedule schedule = client.getSchedule("sub-2024-01");

    assertThat(schedule.scheduleStatus()).isEqualTo(ScheduleStatus.EXECUTED);
    assertThat(schedule.paymentStatus()).isEqualTo(PaymentStatus.FAILED);
    assertThat(schedule.impUid()).isEqualTo("imps_000000000003");
    assertThat(schedule.executedAt()).isEqualTo(Instant.ofEpochSecond(1700003601L));
    assertThat(schedule.revokedAt()).isNull();
    assertThat(schedule.amount()).isEqualTo(new BigDecimal("8900"));
    assertThat(schedule.failReason()).isEqualTo("잔액이 부족합니다.");
  }

  @Test
  void listsSchedulesByDueTimeAndStatus() {
    String page = "{\"total\":1,\"previous\":0,\"next\":0,\"list\":[" + Fixtures.SCHEDULE + "]}";
    stub.respond("GET", "/subscribe/payments/schedule", 200, StubServer.ok(page));

    Page<Schedule> result =
        client.listSchedules(
            Instant.ofEpochSecond(1700000000L),
            Instant.ofEpochSecond(1702000000L),
            Optional.of(ScheduleStatus.EXECUTED),
            1,
            50);

    assertThat(stub.lastCall().query())
        .isEqualTo(
            "schedule_from=1700000000&schedule_to=1702000000&schedule_status=executed"
                + "&page=1&limit=50");
    assertThat(result.list()).hasSize(1);
  }

  @Test
  void listsACustomersSchedules() {
    String page = "{\"total\":0,\"previous\":0,\"next\":0,\"list\":[]}";
    stub.respond("GET", "/subscribe/payments/schedule/customers/cust-1", 200, StubServer.ok(page));

    client.customerSchedules("cust-1", 3);

    assertThat(stub.lastCall().query()).isEqualTo("page=3");
  }

  @Test
  void movesAPendingScheduleWithPut() {
    stub.respond(
        "PUT",
        "/subscribe/payments/schedule/sub-2024-02",
        200,
        StubServer.ok(Fixtures.PENDING_SCHEDULE));

    client.moveSchedule("sub-2024-02", DUE);

    assertThat(stub.lastCall().method()).isEqualTo("PUT");
    assertThat(stub.lastCall().body()).isEqualTo("{\"schedule_at\":1702682000}");
  }

  @Test
  void reschedulesAFailedOne() {
    stub.respond(
        "POST",
        "/subscribe/payments/schedule/sub-2024-01/reschedule",
        200,
        StubServer.ok(Fixtures.PENDING_SCHEDULE));

    Schedule again = client.reschedule("sub-2024-01", DUE);

    assertThat(stub.lastCall().body()).isEqualTo("{\"schedule_at\":1702682000}");
    assertThat(again.scheduleStatus()).isEqualTo(ScheduleStatus.SCHEDULED);
  }

  @Test
  void retriesAFailedOneNowAndReturnsThePayment() {
    stub.respond(
        "POST",
        "/subscribe/payments/schedule/sub-2024-01/retry",
        200,
        StubServer.ok(Fixtures.PAYMENT));

    Payment payment = client.retrySchedule("sub-2024-01");

    assertThat(stub.lastCall().method()).isEqualTo("POST");
    assertThat(stub.lastCall().body()).isEqualTo("{}");
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
  }
}
