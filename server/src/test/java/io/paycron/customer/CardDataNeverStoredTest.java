package io.paycron.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Card number, birth date and password go to the gateway and nowhere else: not the database file,
 * not a database dump, not the log, even at DEBUG level.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardDataNeverStoredTest {

  private static final String BIRTH = Cards.BIRTH;

  /** The birth date as a value of its own, not six digits inside a random hex id. */
  private static final Pattern BIRTH_VALUE =
      Pattern.compile("(?<![0-9a-fA-F])" + BIRTH + "(?![0-9a-fA-F])");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theFullCardNumberAndBirthDateAppearNowhere(TestDatabase database, CapturedOutput output)
      throws Exception {
    List<String> places = new ArrayList<>();
    try (TestServer server =
        TestServer.start(
            database,
            Map.of(
                "logging.level.io.paycron", "DEBUG",
                "logging.level.org.springframework.web", "DEBUG",
                "logging.level.org.springframework.jdbc", "DEBUG"))) {
      exerciseEveryCardPath(server.sandboxClient());
      if (database == TestDatabase.SQLITE) {
        Path file = server.store().sqliteFile();
        for (Path part : List.of(file, Path.of(file + "-wal"))) {
          if (Files.exists(part)) {
            places.add(Files.readString(part, StandardCharsets.ISO_8859_1));
          }
        }
      } else {
        places.add(pgDump(server.store().pgSchema()));
      }
      // what is stored is the masked number, so the search above looks at real card rows
      String stored =
          server
              .jdbc()
              .sql("SELECT card_number FROM billing_keys")
              .query(String.class)
              .list()
              .get(0);
      assertThat(stored).isEqualTo("42424242****4242");
    }
    places.add(output.getAll());
    assertThat(places).isNotEmpty();
    for (String place : places) {
      assertThat(place).doesNotContain(Cards.APPROVE_DIGITS).doesNotContain(Cards.APPROVE);
      assertThat(place).doesNotContain("4000000000009995").doesNotContain("4000000000000069");
      assertThat(BIRTH_VALUE.matcher(place).find()).as("birth date found").isFalse();
    }
    assertThat(output.getAll()).contains("42424242****4242"); // the log does show the masked form
  }

  private static void exerciseEveryCardPath(ApiClient api) {
    String uid = "leak_" + UUID.randomUUID();
    assertThat(api.postJson("/subscribe/customers/" + uid, Cards.card(Cards.APPROVE)).code())
        .isZero();
    Map<String, String> form = new java.util.HashMap<>();
    form.put("card_number", Cards.APPROVE_DIGITS);
    form.put("expiry", "203112");
    form.put("birth", BIRTH);
    form.put("pwd_2digit", "12");
    assertThat(api.postForm("/subscribe/customers/" + uid + "_form", form).code()).isZero();
    Map<String, Object> onetime = Cards.card(Cards.APPROVE);
    onetime.put("merchant_uid", "leak_once_" + UUID.randomUUID());
    onetime.put("amount", 1000);
    onetime.put("customer_uid", uid + "_onetime");
    assertThat(api.postJson("/subscribe/payments/onetime", onetime).code()).isZero();
    onetime.remove("customer_uid");
    onetime.put("merchant_uid", "leak_once_" + UUID.randomUUID());
    assertThat(api.postJson("/subscribe/payments/onetime", onetime).code()).isZero();
    assertThat(
            api.postJson(
                    "/subscribe/payments/again",
                    Map.of(
                        "customer_uid",
                        uid,
                        "merchant_uid",
                        "leak_" + UUID.randomUUID(),
                        "amount",
                        100))
                .code())
        .isZero();
    // refusals and malformed input must not echo card data either
    assertThat(api.postJson("/subscribe/customers/" + uid + "_x", Cards.card(Cards.EXPIRED)).code())
        .isEqualTo(-1);
    Map<String, Object> malformed = Cards.card(Cards.APPROVE_DIGITS + "9999");
    malformed.put("expiry", "12/31");
    assertThat(api.postJson("/subscribe/customers/" + uid + "_y", malformed).status())
        .isEqualTo(400);
    assertThat(
            api.postJson("/subscribe/customers/" + uid + "_z", Cards.card(Cards.INSUFFICIENT_FUNDS))
                .code())
        .isZero();
  }

  private static String pgDump(String schema) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "pg_dump", "-h", "127.0.0.1", "-U", TestDatabase.PG_USER, "-n", schema, "test")
            .redirectErrorStream(true)
            .start();
    String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(dump).isZero();
    assertThat(dump).contains("42424242****4242"); // the dump really holds the card rows
    return dump;
  }
}
