package io.paycron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WireMappingTest {

  @Test
  void readsEveryFieldOfAPaymentWithItsType() {
    Payment p = Json.MAPPER.readValue(Fixtures.PAYMENT, Payment.class);

    assertThat(p.impUid()).isEqualTo("imps_123456789012");
    assertThat(p.merchantUid()).isEqualTo("order-1");
    assertThat(p.payMethod()).isEqualTo("card");
    assertThat(p.channel()).isEqualTo("api");
    assertThat(p.pgProvider()).isEqualTo("sandbox");
    assertThat(p.embPgProvider()).isEqualTo("sandbox");
    assertThat(p.pgTid()).isEqualTo("tid-77");
    assertThat(p.pgId()).isEqualTo("sandbox-mid");
    assertThat(p.escrow()).isFalse();
    assertThat(p.sandbox()).isTrue();
    assertThat(p.applyNum()).isEqualTo("30012345");
    assertThat(p.bankCode()).isNull();
    assertThat(p.bankName()).isNull();
    assertThat(p.cardCode()).isEqualTo("361");
    assertThat(p.cardName()).isEqualTo("BC카드");
    assertThat(p.cardIssuerCode()).isEqualTo("361");
    assertThat(p.cardIssuerName()).isEqualTo("BC카드");
    assertThat(p.cardPublisherCode()).isEqualTo("362");
    assertThat(p.cardPublisherName()).isEqualTo("BC");
    assertThat(p.cardQuota()).isEqualTo(3);
    assertThat(p.cardNumber()).isEqualTo("42424242****4242");
    assertThat(p.cardType()).isEqualTo(1);
    assertThat(p.vbankCode()).isNull();
    assertThat(p.vbankName()).isNull();
    assertThat(p.vbankNum()).isNull();
    assertThat(p.vbankHolder()).isNull();
    assertThat(p.vbankDate()).isNull();
    assertThat(p.vbankIssuedAt()).isNull();
    assertThat(p.name()).isEqualTo("Monthly plan");
    assertThat(p.amount()).isEqualTo(new BigDecimal("129.99"));
    assertThat(p.cancelAmount()).isEqualTo(new BigDecimal("30.00"));
    assertThat(p.currency()).isEqualTo("USD");
    assertThat(p.buyerName()).isEqualTo("Hong Gildong");
    assertThat(p.buyerEmail()).isEqualTo("hong@example.com");
    assertThat(p.buyerTel()).isEqualTo("010-1234-5678");
    assertThat(p.buyerAddr()).isEqualTo("Seoul");
    assertThat(p.buyerPostcode()).isEqualTo("04524");
    assertThat(p.customData()).isEqualTo("{\"plan\":\"pro\"}");
    assertThat(p.userAgent()).isNull();
    assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(p.startedAt()).isEqualTo(Instant.ofEpochSecond(1700000000L));
    assertThat(p.paidAt()).isEqualTo(Instant.ofEpochSecond(1700000003L));
    assertThat(p.failedAt()).isNull();
    assertThat(p.cancelledAt()).isNull();
    assertThat(p.failReason()).isNull();
    assertThat(p.cancelReason()).isEqualTo("partial refund");
    assertThat(p.receiptUrl()).isEmpty();
    assertThat(p.cancelHistory())
        .containsExactly(
            new CancelHistory(
                "tid-78",
                new BigDecimal("30.00"),
                Instant.ofEpochSecond(1700000100L),
                "partial refund",
                "",
                "cncl_1"));
    assertThat(p.cancelReceiptUrls()).containsExactly("");
    assertThat(p.cashReceiptIssued()).isFalse();
    assertThat(p.customerUid()).isEqualTo("cust-1");
    assertThat(p.customerUidUsage()).isEqualTo("payment");
    assertThat(p.promotion()).isNull();
  }

  @Test
  void paymentRecordHasExactlyTheKeysOfTheFixtureMinusUnknownOnes() {
    JsonNode fixture = Json.MAPPER.readTree(Fixtures.PAYMENT);
    Set<String> keys = fixture.propertyNames().stream().collect(Collectors.toSet());
    keys.remove("added_later");

    assertThat(snakeCaseComponents(Payment.class)).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void recordsCoverEveryFieldTheServerEmitsToday() throws IOException {
    assertCovers("payment/PaymentResponse.java", "PaymentResponse", Payment.class);
    assertCovers("customer/CustomerResponse.java", "CustomerResponse", Customer.class);
  }

  @Test
  void aStatusThisClientDoesNotKnowIsReadAsUnknownNotAFailure() {
    Payment p =
        Json.MAPPER.readValue(
            "{\"imp_uid\":\"imps_1\",\"status\":\"partially_paid\"}", Payment.class);

    assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(p.cancelHistory()).isEmpty();
  }

  @Test
  void amountsKeepTheirDecimalsAndLargeValues() {
    Payment p =
        Json.MAPPER.readValue(
            "{\"amount\":8900.0,\"cancel_amount\":9007199254740993}", Payment.class);

    assertThat(p.amount()).isEqualTo(new BigDecimal("8900.0"));
    assertThat(p.cancelAmount()).isEqualTo(new BigDecimal("9007199254740993"));
  }

  @Test
  void aCardsToStringShowsOnlyTheLastFourDigits() {
    Card card = Card.of("4242-4242-4242-1234", "2030-12", "900101", "12");

    assertThat(card.toString()).isEqualTo("Card[****1234]");
    assertThat(OnetimeRequest.of("o", BigDecimal.ONE, card).toString())
        .doesNotContain("4242")
        .doesNotContain("900101");
  }

  private static List<String> snakeCaseComponents(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
        .toList();
  }

  /** Reads the server's response record from the source tree next to this module. */
  private static void assertCovers(String file, String record, Class<? extends Record> type)
      throws IOException {
    Path source = Path.of("../server/src/main/java/io/paycron", file);
    Assumptions.assumeTrue(Files.exists(source), "server sources not next to the client");
    Matcher header =
        Pattern.compile("record " + record + "\\((.*?)\\)\\s*\\{", Pattern.DOTALL)
            .matcher(Files.readString(source));
    assertThat(header.find()).as("record header in %s", source).isTrue();
    List<String> serverFields =
        Arrays.stream(header.group(1).split(","))
            .map(String::strip)
            .map(param -> param.substring(param.lastIndexOf(' ') + 1))
            .toList();
    List<String> clientFields =
        Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();

    assertThat(clientFields).containsExactlyInAnyOrderElementsOf(serverFields);
  }
}
