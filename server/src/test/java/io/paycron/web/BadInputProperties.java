package io.paycron.web;

import static io.paycron.web.BadInputServer.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.web.BadInputServer.Answer;
import io.paycron.web.GarbageRequests.Garbage;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws generated garbage at every V1 endpoint of a real server (SQLite store) and checks the
 * rules of API.md §1 and §12 on every answer: never 500 or an undocumented status, always the
 * envelope with an integer code and, on errors, a message, no stack trace, and a refused request
 * changes nothing in the database (see {@link BadInputServer#exchange}). About 5,100 requests;
 * {@code -Dpaycron.fuzz.scale=20} multiplies every property's tries (over 100,000 requests).
 */
@AddLifecycleHook(FuzzScale.class)
class BadInputProperties {

  @BeforeContainer
  static void startServer() throws Exception {
    BadInputServer.start();
  }

  @AfterContainer
  static void stopServer() {
    BadInputServer.stop();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void getTokenRefusesGarbageCredentialsWithAnEnvelope(@ForAll("getTokenGarbage") Garbage g) {
    Answer answer = exchange(g, true);
    assertThat(answer.code()).as("a token for garbage: %s", answer.context()).isNotZero();
    assertThat(answer.status()).as(answer.context()).isIn(400, 401, 413, 415);
  }

  @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
  void billingKeyEndpointsRefuseGarbageWithoutStoringAnything(
      @ForAll("billingKeyGarbage") Garbage g) {
    exchange(g, g.method().equals("GET"));
  }

  @Property(tries = 700, edgeCases = EdgeCasesMode.NONE)
  void chargesRefuseMalformedParametersBeforeAnythingIsCharged(@ForAll("chargeGarbage") Garbage g) {
    Answer answer = exchange(g, false);
    if (answer.code() == 0) {
      assertThat(answer.response().get("status").asString())
          .as(answer.context())
          .isIn("paid", "failed");
    }
  }

  @Property(tries = 700, edgeCases = EdgeCasesMode.NONE)
  void lookupsAnswerGarbageWithAnEnvelopeAndNeverChangeState(@ForAll("lookupGarbage") Garbage g) {
    exchange(g, true);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void cancelWithAnInvalidAmountIsRefusedAndRefundsNothing(
      @ForAll("invalidAmountCancel") Garbage g) {
    Answer answer = exchange(g, false);
    assertThat(answer.status()).as(answer.context()).isEqualTo(400);
    assertThat(answer.code()).as(answer.context()).isEqualTo(1);
    // refused as a whole when a garbage key inside the amount object is not valid JSON
    assertThat(answer.message()).as(answer.context()).containsAnyOf("amount", "not valid JSON");
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void cancelRefusesGarbageWithoutRefundingAnything(@ForAll("cancelGarbage") Garbage g) {
    exchange(g, false);
  }

  @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
  void subscriptionAndTestClockEndpointsRefuseGarbageWithoutChangingAnything(
      @ForAll("subscriptionGarbage") Garbage g) {
    exchange(g, g.method().equals("GET"));
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void webhookEndpointAndReplayCallsRefuseGarbageWithoutChangingAnything(
      @ForAll("webhookGarbage") Garbage g) {
    exchange(g, g.method().equals("GET"));
  }

  @Provide
  Arbitrary<Garbage> webhookGarbage() {
    return GarbageWebhooks.requests();
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void adminEndpointsRefuseGarbageAndForeignTokens(@ForAll("adminGarbage") Garbage g) {
    Answer answer = exchange(g, g.method().equals("GET"));
    boolean multipart = g.contentType() != null && g.contentType().startsWith("multipart/");
    if (g.auth() != GarbageRequests.Auth.ADMIN) {
      // a multipart body is read (and an unreadable one refused with 400) before any handler
      // interceptor runs, so also before the admin token is looked at; nothing is done with it
      assertThat(answer.status())
          .as(answer.context())
          .isIn(
              multipart ? List.of(400, 401, 404, 405, 413, 415) : List.of(401, 404, 405, 413, 415));
    }
  }

  @Provide
  Arbitrary<Garbage> adminGarbage() {
    return GarbageAdmin.requests();
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void unknownRoutesAndWrongMethodsAnswer404Or405(@ForAll("strayGarbage") Garbage g) {
    Answer answer = exchange(g, true);
    boolean multipart = g.contentType() != null && g.contentType().startsWith("multipart/");
    // a multipart body is read (and refused with 400) before the route's methods are looked at
    assertThat(answer.status())
        .as(answer.context())
        .isIn(multipart ? List.of(400, 404, 405) : List.of(404, 405));
    assertThat(answer.code()).as(answer.context()).isEqualTo(1);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void missingExpiredOrGarbageTokensAreRefusedWith401BeforeValidation(
      @ForAll("badTokenGarbage") Garbage g) {
    Answer answer = exchange(g, true);
    assertThat(answer.status()).as(answer.context()).isEqualTo(401);
    assertThat(answer.code()).as(answer.context()).isEqualTo(-1);
    assertThat(answer.message()).as(answer.context()).isEqualTo("Unauthorized");
  }

  @Provide
  Arbitrary<Garbage> getTokenGarbage() {
    return GarbageRequests.getToken();
  }

  @Provide
  Arbitrary<Garbage> billingKeyGarbage() {
    return GarbageRequests.billingKeys();
  }

  @Provide
  Arbitrary<Garbage> chargeGarbage() {
    return GarbageRequests.charges();
  }

  @Provide
  Arbitrary<Garbage> lookupGarbage() {
    return GarbageRequests.lookups();
  }

  @Provide
  Arbitrary<Garbage> invalidAmountCancel() {
    return GarbageRequests.invalidAmountCancels();
  }

  @Provide
  Arbitrary<Garbage> cancelGarbage() {
    return GarbageRequests.cancels();
  }

  @Provide
  Arbitrary<Garbage> subscriptionGarbage() {
    return GarbageSubscriptions.requests();
  }

  @Provide
  Arbitrary<Garbage> strayGarbage() {
    return GarbageRequests.strays();
  }

  @Provide
  Arbitrary<Garbage> badTokenGarbage() {
    return GarbageRequests.badTokens();
  }
}
