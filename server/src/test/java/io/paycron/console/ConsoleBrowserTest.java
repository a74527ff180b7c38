package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paycron.support.ApiClient;
import io.paycron.support.Cards;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.paycron.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against a real server over loopback (SQLite): log in,
 * find a failed payment and replay its webhook until delivered, revoke a schedule, refund part of a
 * payment, and on every page: no unmasked card number, every control labelled, no sideways scroll
 * at 1280×800 or 400×800. With {@code -Dpaycron.screenshots=docs/console} each page is saved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

  static final String OPERATOR = "ops";
  static final String PASSWORD = "correct horse battery staple";
  private static final Set<String> CARDS_USED =
      Set.of(Cards.APPROVE.replace("-", ""), Cards.STOLEN.replace("-", ""));

  private static TestServer server;
  private static WebhookReceiver receiver;
  private static ChromeDriver browser;
  private static ApiClient api;
  private static final AtomicBoolean receiverUp = new AtomicBoolean(false);
  private static final AtomicBoolean endpointUp = new AtomicBoolean(false);
  private static String endpointId;
  private static String paidImpUid;
  private static String failedImpUid;
  private static String pendingUid;
  private static String customerUid;
  private static String subscriptionId;

  @BeforeAll
  static void start() {
    Browser.assumeAvailable();
    receiver = WebhookReceiver.start();
    receiver.answer(
        r -> (r.path().startsWith("/endpoint/") ? endpointUp.get() : receiverUp.get()) ? 200 : 500);
    server =
        TestServer.start(
            TestDatabase.SQLITE,
            Map.of(
                "paycron.console.user",
                OPERATOR,
                "paycron.console.password",
                PASSWORD,
                // an endpoint failing for a minute is disabled: the test advances its clock so far
                "paycron.webhook.disable-after-seconds",
                "60"));
    api = server.sandboxClient();
    ConsoleSeed.Data data = ConsoleSeed.seed(server, api, receiver);
    endpointId = data.endpointId();
    paidImpUid = data.paidImpUid();
    failedImpUid = data.failedImpUid();
    pendingUid = data.pendingUid();
    customerUid = data.customerUid();
    subscriptionId = data.subscriptionId();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static tools.jackson.databind.JsonNode ok(ApiClient.Answer answer) {
    assertThat(answer.code()).as(answer.toString()).isZero();
    return answer.response();
  }

  private static void open(String path) {
    browser.get(server.baseUrl() + path);
  }

  private static String h1() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  /**
   * Clicks and waits for the page that follows (a click returns before the browser has navigated).
   */
  private static void clickThrough(WebElement element, String nextHeading) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    // the old page is gone once its element is stale; Chromium may instead say its node "does
    // not belong to the document" while the navigation is under way: gone too
    wait.until(
        d -> {
          try {
            page.isEnabled();
            return false;
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
          } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong");
          }
        });
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.tagName("h1")).stream()
                    .anyMatch(h -> h.getText().contains(nextHeading)));
  }

  @Test
  @Order(1)
  void anOperatorLogsInAfterAWrongPasswordIsRefused() {
    open("/console");
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    screenshot("login");
    logIn(OPERATOR, "not the password at all");
    assertThat(browser.findElement(By.cssSelector(".error")).getText())
        .contains("Wrong name or password");
    logIn(OPERATOR, PASSWORD);
    assertThat(h1()).isEqualTo("Overview");
    assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(OPERATOR);
  }

  private static void logIn(String name, String password) {
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    clickThrough(browser.findElement(By.cssSelector("button[type=submit]")), "");
  }

  @Test
  @Order(2)
  void theFailedPaymentIsFoundAndItsReplayedWebhookIsDelivered() {
    open("/console/payments?status=failed");
    clickThrough(browser.findElement(By.linkText(failedImpUid)), failedImpUid);
    assertThat(browser.findElement(By.id("payment-status")).getText()).isEqualTo("failed");
    assertThat(browser.findElement(By.id("attempts")).getText())
        .contains("declined")
        .contains("stolen_card");
    // its event went to the notice_url (the legacy target) and to the merchant's endpoint
    assertThat(browser.findElements(By.cssSelector("table.deliveries tbody tr"))).hasSize(2);
    WebElement delivery =
        browser.findElement(By.cssSelector("table.deliveries tr[data-endpoint-id='legacy']"));
    assertThat(delivery.findElement(By.cssSelector(".delivery-status")).getText())
        .isEqualTo("pending");
    assertThat(delivery.getText()).contains("500");

    receiverUp.set(true);
    clickThrough(delivery.findElement(By.cssSelector("button.replay")), failedImpUid);
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("queued");
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser
                  .findElement(
                      By.cssSelector(
                          "table.deliveries tr[data-endpoint-id='legacy'] .delivery-status"))
                  .getText()
                  .equals("delivered");
            });
    assertThat(
            browser
                .findElement(By.cssSelector("table.deliveries tr[data-endpoint-id='legacy']"))
                .getText())
        .contains("200");
  }

  @Test
  @Order(3)
  void aRevokedScheduleIsRevokedForTheMerchantToo() {
    open("/console/schedules?customer_uid=" + customerUid);
    WebElement row =
        browser.findElement(By.cssSelector("tr[data-merchant-uid='" + pendingUid + "']"));
    assertThat(row.getText()).contains("scheduled");
    clickThrough(row.findElement(By.cssSelector("a.revoke")), "Revoke schedule?");
    screenshot("schedule-revoke");
    clickThrough(browser.findElement(By.id("confirm")), "Schedules");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("revoked");
    assertThat(
            browser
                .findElement(By.cssSelector("tr[data-merchant-uid='" + pendingUid + "']"))
                .getText())
        .contains("revoked");
    assertThat(
            ok(api.get("/subscribe/payments/schedule/" + pendingUid))
                .get("schedule_status")
                .asString())
        .isEqualTo("revoked");
  }

  @Test
  @Order(4)
  void partOfAPaymentIsRefundedAfterConfirmation() {
    open("/console/payments");
    clickThrough(browser.findElement(By.linkText(paidImpUid)), paidImpUid);
    browser.findElement(By.id("amount")).sendKeys("1000");
    browser.findElement(By.id("reason")).sendKeys("goodwill");
    clickThrough(browser.findElement(By.id("refund")), "Refund part of payment");
    assertThat(browser.findElement(By.id("refund-amount")).getText()).isEqualTo("1,000 KRW");
    screenshot("payment-cancel");
    // nothing is refunded before the confirmation
    assertThat(ok(api.get("/payments/" + paidImpUid)).get("cancel_amount").asLong()).isZero();
    clickThrough(browser.findElement(By.id("confirm")), "Payment " + paidImpUid);
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Refund");
    assertThat(browser.findElement(By.id("cancel-amount")).getText()).isEqualTo("1,000 KRW");
    assertThat(browser.findElement(By.id("cancellations")).getText()).contains("goodwill");
    assertThat(ok(api.get("/payments/" + paidImpUid)).get("cancel_amount").asLong())
        .isEqualTo(1000);
  }

  @Test
  @Order(5)
  void aDisabledEndpointIsBannedReEnabledAndItsFailedDeliveriesReplayed() {
    // the endpoint has failed for longer than the (test-sized) period: it gets disabled
    server.clock().advance(Duration.ofSeconds(61));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              server.bean(io.paycron.webhook.WebhookEndpointMonitor.class).disableFailing();
              return !server
                  .bean(io.paycron.webhook.WebhookAdminQueries.class)
                  .endpoints(merchantId(), true)
                  .isEmpty();
            });
    open("/console");
    WebElement banner = browser.findElement(By.id("disabled-endpoints-banner"));
    assertThat(banner.getText()).contains("1 webhook endpoint(s) disabled after failing");
    screenshot("overview-banner");
    clickThrough(banner.findElement(By.tagName("a")), "Webhooks");
    WebElement row = endpointRow();
    assertThat(row.getText()).contains("disabled").contains("every delivery failed");
    screenshot("webhooks-disabled");

    endpointUp.set(true);
    clickThrough(row.findElement(By.cssSelector("button.enable")), "Webhooks");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("enabled");
    assertThat(browser.findElements(By.id("disabled-endpoints-banner"))).isEmpty();
    clickThrough(endpointRow().findElement(By.cssSelector("a.replay-failed")), "Replay failed");
    assertThat(Integer.parseInt(browser.findElement(By.id("replay-count")).getText())).isPositive();
    screenshot("webhooks-replay-failed");
    clickThrough(browser.findElement(By.id("confirm")), "Webhooks");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("queued again");
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              open("/console/webhooks?merchant=" + merchantId() + "&endpoint=" + endpointId);
              List<String> statuses =
                  browser.findElements(By.cssSelector("table.deliveries .delivery-status")).stream()
                      .map(WebElement::getText)
                      .toList();
              return !statuses.isEmpty() && statuses.stream().allMatch("delivered"::equals);
            });
  }

  private static WebElement endpointRow() {
    return browser.findElement(
        By.cssSelector("#endpoints tr[data-endpoint-id='" + endpointId + "']"));
  }

  @Test
  @Order(6)
  void theAuditPageListsEveryActionWithItsOperator() {
    open("/console/audit");
    List<String> actions =
        browser.findElements(By.cssSelector("td.audit-action")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(actions)
        .contains(
            "login_failed",
            "login",
            "replay_webhook",
            "revoke_schedule",
            "cancel_payment",
            "enable_webhook_endpoint",
            "replay_failed_webhooks");
    assertThat(browser.findElement(By.id("audit")).getText())
        .contains(OPERATOR)
        .contains(pendingUid)
        .contains(paidImpUid);
  }

  @Test
  @Order(7)
  void everyPageMasksCardsLabelsItsControlsAndFitsWideAndNarrowScreens() {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("overview", "/console");
    pages.put("schedules", "/console/schedules");
    pages.put("payments", "/console/payments");
    pages.put("payment", "/console/payment?merchant=" + merchantId() + "&imp_uid=" + paidImpUid);
    pages.put(
        "payment-failed", "/console/payment?merchant=" + merchantId() + "&imp_uid=" + failedImpUid);
    pages.put("customers", "/console/customers");
    pages.put("subscriptions", "/console/subscriptions");
    pages.put(
        "subscription",
        "/console/subscription?merchant=" + merchantId() + "&subscription_id=" + subscriptionId);
    pages.put("webhooks", "/console/webhooks?merchant=" + merchantId());
    pages.put("webhooks-all", "/console/webhooks");
    pages.put(
        "webhooks-replay-failed",
        "/console/webhooks/replay-failed?merchant=" + merchantId() + "&endpoint=" + endpointId);
    pages.put(
        "webhooks-replay-range",
        "/console/webhooks/replay-range?merchant="
            + merchantId()
            + "&endpoint=legacy&from=2026-01-01T00:00&to=2027-01-01T00:00");
    pages.put("audit", "/console/audit");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (int width : new int[] {400, 1280}) {
        Browser.viewport(browser, width, 800);
        open(page.getValue());
        String where = page.getKey() + " at " + width + " px: ";
        assertThat(browser.findElements(By.tagName("main"))).as(where + "main").hasSize(1);
        assertThat(browser.findElements(By.tagName("nav"))).as(where + "nav").isNotEmpty();
        assertThat(browser.getTitle()).as(where + "title").contains("Paycron console");
        PageChecks.unmaskedCards(browser, CARDS_USED)
            .forEach(c -> problems.add(where + "unmasked card " + c));
        PageChecks.unlabelledControls(browser)
            .forEach(c -> problems.add(where + "control without label: " + c));
        if (PageChecks.overflows(browser)) {
          problems.add(where + "the page scrolls sideways");
        }
        if (width == 400 && page.getKey().matches("overview|payment")) {
          screenshotAsIs(page.getKey() + "-narrow");
        }
      }
      // the replay confirmation was taken with its count before; the unfiltered list is empty
      if (!page.getKey().matches("webhooks-replay-failed|webhooks-all")) {
        screenshot(page.getKey());
      }
    }
    assertThat(problems).isEmpty();
    open("/console/customers?customer_uid=" + customerUid);
    // the masked number the gateway returned is what is shown
    assertThat(browser.findElement(By.id("customers")).getText()).containsPattern("4242\\S*\\*+");
  }

  private static String merchantId() {
    return server
        .jdbc()
        .sql("SELECT merchant_id FROM payments WHERE imp_uid = :imp")
        .param("imp", paidImpUid)
        .query(String.class)
        .single();
  }

  private static void screenshot(String name) {
    Browser.viewport(browser, 1280, 800);
    screenshotAsIs(name);
  }

  private static void screenshotAsIs(String name) {
    PageChecks.screenshot(browser, name);
  }
}
