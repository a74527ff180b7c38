package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerEndpointsTest {

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private final StubServer stub;
  private final PaycronClient client;

  CustomerEndpointsTest() throws Exception {
    stub = new StubServer(clock);
    client = stub.client();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void registersACardWithSnakeCaseJsonAndLeavesUnsetFieldsOut() {
    stub.respond("POST", "/subscribe/customers/cust%201", 200, StubServer.ok(Fixtures.CUSTOMER));

    Customer customer =
        client.registerCard(
            "cust 1",
            CardRequest.of(
                    Card.of("4242-4242-4242-4242", "2030-12", "900101", "12").withPg("sandbox"))
                .withCustomerName("Hong Gildong")
                .withCustomerEmail("hong@example.com"));

    StubServer.Recorded request = stub.lastCall();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subscribe/customers/cust%201");
    assertThat(request.header("Authorization")).isEqualTo("token-1");
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    JsonNode body = request.json();
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "card_number",
            "expiry",
            "birth",
            "pwd_2digit",
            "pg",
            "customer_name",
            "customer_email");
    assertThat(body.path("pwd_2digit").asString()).isEqualTo("12");
    assertThat(body.path("card_number").asString()).isEqualTo("4242-4242-4242-4242");
    assertThat(customer.customerUid()).isEqualTo("cust-1");
  }

  @Test
  void readsACustomer() {
    stub.respond("GET", "/subscribe/customers/cust-1", 200, StubServer.ok(Fixtures.CUSTOMER));

    Customer customer = client.getCustomer("cust-1");

    assertThat(customer)
        .isEqualTo(
            new Customer(
                "cust-1",
                "user-9",
                "sandbox",
                "sandbox-mid",
                "BC카드",
                "361",
                "361",
                "BC카드",
                "361",
                "BC",
                "42424242****4242",
                0,
                "Hong Gildong",
                "010-1234-5678",
                "hong@example.com",
                "Seoul",
                "04524",
                Instant.ofEpochSecond(1700000000L),
                Instant.ofEpochSecond(1700000500L),
                true));
  }

  @Test
  void multiGetSendsBracketedArrayParametersAndReturnsTheFoundOnesOfA207() {
    stub.respond("GET", "/subscribe/customers", 207, StubServer.ok("[" + Fixtures.CUSTOMER + "]"));

    List<Customer> found = client.getCustomers(List.of("cust-1", "gone"));

    assertThat(stub.lastCall().query())
        .isEqualTo("customer_uid%5B%5D=cust-1&customer_uid%5B%5D=gone");
    assertThat(found).extracting(Customer::customerUid).containsExactly("cust-1");
  }

  @Test
  void multiGetReturnsNothingWhenNoneIsFound() {
    stub.respond(
        "GET",
        "/subscribe/customers",
        404,
        StubServer.error(1, "요청하신 customer_uid(gone)로 등록된 정보를 찾을 수 없습니다."));

    assertThat(client.getCustomers(List.of("gone"))).isEmpty();
  }

  @Test
  void deletesWithTheReasonAsQuery() {
    stub.respond("DELETE", "/subscribe/customers/cust-1", 200, StubServer.ok(Fixtures.CUSTOMER));

    Customer deleted = client.deleteCustomer("cust-1", "user left & asked");

    assertThat(stub.lastCall().method()).isEqualTo("DELETE");
    assertThat(stub.lastCall().query()).isEqualTo("reason=user%20left%20%26%20asked");
    assertThat(stub.lastCall().body()).isEmpty();
    assertThat(deleted.customerUid()).isEqualTo("cust-1");
  }

  @Test
  void pagesThroughTheCustomersPayments() {
    stub.respond(
        "GET",
        "/subscribe/customers/cust-1/payments",
        200,
        StubServer.ok(
            "{\"total\":41,\"previous\":1,\"next\":3,\"list\":[" + Fixtures.PAYMENT + "]}"));

    Page<Payment> page = client.customerPayments("cust-1", 2);

    assertThat(stub.lastCall().query()).isEqualTo("page=2");
    assertThat(page.total()).isEqualTo(41);
    assertThat(page.previous()).isEqualTo(1);
    assertThat(page.next()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.list()).extracting(Payment::merchantUid).containsExactly("order-1");
  }
}
