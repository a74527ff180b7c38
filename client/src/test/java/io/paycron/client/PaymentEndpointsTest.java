package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentEndpointsTest {

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  PaymentEndpointsTest() throws Exception {
    stub = new StubServer(clock);
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void chargesCardDataOnceWithEveryOptionInSnakeCase() {
    stub.respond("POST", "/subscribe/payments/onetime", 200, StubServer.ok(Fixtures.PAYMENT));

    client.onetime(
        OnetimeRequest.of(
                "order-1",
                new BigDecimal("50000"),
                Card.of("4242424242424242", "2030-12", "900101", "12"))
            .withCustomerUid("cust-1")
            .withOptions(
                ChargeOptions.builder()
                    .name("Annual plan")
                    .buyer("Hong Gildong", "hong@example.com", "010-1234-5678")
                    .cardQuota(3)
                    .interestFreeByMerchant(true)
                    .noticeUrl("https://merchant.example/hook")
                    .customData("{\"plan\":\"pro\"}")
                    .bypass(Map.of("key", "value"))
                    .build()));

    StubServer.Recorded request = stub.lastCall();
    assertThat(request.method()).isEqualTo("POST");
    JsonNode body = request.json();
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "merchant_uid",
            "amount",
            "card_number",
            "expiry",
            "birth",
            "pwd_2digit",
            "customer_uid",
            "name",
            "buyer_name",
            "buyer_email",
            "buyer_tel",
            "card_quota",
            "interest_free_by_merchant",
            "notice_url",
            "custom_data",
            "bypass");
    assertThat(body.path("amount").isIntegralNumber()).isTrue();
    assertThat(body.path("amount").longValue()).isEqualTo(50000);
    assertThat(body.path("card_quota").intValue()).isEqualTo(3);
    assertThat(body.path("interest_free_by_merchant").booleanValue()).isTrue();
    assertThat(body.path("custom_data").asString()).isEqualTo("{\"plan\":\"pro\"}");
    assertThat(body.path("bypass").path("key").asString()).isEqualTo("value");
  }

  @Test
  void chargesABillingKeyWithAmountsAsPlainNumbers() {
    stub.respond("POST", "/subscribe/payments/again", 200, StubServer.ok(Fixtures.PAYMENT));

    client.again(
        AgainRequest.of("cust-1", "order-1", new BigDecimal("1E+4"))
            .withOptions(ChargeOptions.builder().currency("USD").productCount(2).build()));

    assertThat(stub.lastCall().path()).isEqualTo("/subscribe/payments/again");
    assertThat(stub.lastCall().body())
        .isEqualTo(
            "{\"customer_uid\":\"cust-1\",\"merchant_uid\":\"order-1\",\"amount\":10000,"
                + "\"currency\":\"USD\",\"product_count\":2}");
  }

  @Test
  void aDeclinedChargeIsAFailedPaymentNotAnException() {
    stub.respond(
        "POST", "/subscribe/payments/again", 200, StubServer.ok(Fixtures.DECLINED_PAYMENT));

    Payment payment = client.again(AgainRequest.of("cust-1", "order-2", new BigDecimal("8900")));

    assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(payment.failReason()).isEqualTo("잔액이 부족합니다.");
    assertThat(payment.failedAt()).isEqualTo(Instant.ofEpochSecond(1700000001L));
    assertThat(payment.paidAt()).isNull();
  }

  @Test
  void getsAPaymentWithAnEncodedPathSegment() {
    stub.respond("GET", "/payments/imps%2Fodd%20id", 200, StubServer.ok(Fixtures.PAYMENT));

    client.getPayment("imps/odd id");

    assertThat(stub.lastCall().method()).isEqualTo("GET");
    assertThat(stub.lastCall().path()).isEqualTo("/payments/imps%2Fodd%20id");
    assertThat(stub.lastCall().header("Content-Type")).isNull();
  }

  @Test
  void multiGetOfPaymentsEncodesBothArraysAndReturnsTheFoundOnes() {
    stub.respond("GET", "/payments", 207, StubServer.ok("[" + Fixtures.PAYMENT + "]"));

    List<Payment> found = client.getPayments(List.of("imps_1", "imps_2"), List.of("order 1"));

    assertThat(stub.lastCall().query())
        .isEqualTo("imp_uid%5B%5D=imps_1&imp_uid%5B%5D=imps_2&merchant_uid%5B%5D=order%201");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).amount()).isEqualTo(new BigDecimal("129.99"));
  }

  @Test
  void findsTheNewestPaymentWithOrWithoutAStatus() {
    stub.respond("GET", "/payments/find/order-1", 200, StubServer.ok(Fixtures.PAYMENT));
    stub.respond("GET", "/payments/find/order-1/paid", 200, StubServer.ok(Fixtures.PAYMENT));

    client.findPayment("order-1");
    client.findPayment("order-1", Optional.of(PaymentStatus.PAID));

    assertThat(stub.calls())
        .extracting(StubServer.Recorded::path)
        .containsExactly("/payments/find/order-1", "/payments/find/order-1/paid");
  }

  @Test
  void findsEveryAttemptOfAMerchantUidPaged() {
    String page =
        "{\"total\":2,\"previous\":0,\"next\":0,\"list\":["
            + Fixtures.PAYMENT
            + ","
            + Fixtures.DECLINED_PAYMENT
            + "]}";
    stub.respond("GET", "/payments/findAll/order-1/failed", 200, StubServer.ok(page));

    Page<Payment> result = client.findAllPayments("order-1", Optional.of(PaymentStatus.FAILED), 1);

    assertThat(stub.lastCall().query()).isEqualTo("page=1");
    assertThat(result.hasNext()).isFalse();
    assertThat(result.list())
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.PAID, PaymentStatus.FAILED);
  }

  @Test
  void listsPaymentsByStatusWithUnixSecondsRange() {
    String page = "{\"total\":0,\"previous\":0,\"next\":0,\"list\":[]}";
    stub.respond("GET", "/payments/status/all", 200, StubServer.ok(page));
    stub.respond("GET", "/payments/status/cancelled", 200, StubServer.ok(page));

    Instant from = Instant.ofEpochSecond(1699000000L);
    Instant to = Instant.ofEpochSecond(1700000000L);
    client.paymentsByStatus(Optional.empty(), from, to, 2, 100);
    client.paymentsByStatus(Optional.of(PaymentStatus.CANCELLED), from, to, 1, 20);

    assertThat(stub.calls())
        .extracting(r -> r.path() + "?" + r.query())
        .containsExactly(
            "/payments/status/all?from=1699000000&to=1700000000&page=2&limit=100",
            "/payments/status/cancelled?from=1699000000&to=1700000000&page=1&limit=20");
  }

  @Test
  void cancelsPartOfAPaymentWithChecksum() {
    stub.respond("POST", "/payments/cancel", 200, StubServer.ok(Fixtures.PAYMENT));

    Payment updated =
        client.cancel(
            CancelRequest.ofImpUid("imps_123456789012")
                .withAmount(new BigDecimal("30.00"))
                .withChecksum(new BigDecimal("129.99"))
                .withReason("partial refund")
                .withWebhook(true));

    assertThat(stub.lastCall().body())
        .isEqualTo(
            "{\"imp_uid\":\"imps_123456789012\",\"amount\":30.00,\"checksum\":129.99,"
                + "\"reason\":\"partial refund\",\"enable_webhook\":true}");
    assertThat(updated.refundable()).isEqualByComparingTo("99.99");
  }
}
