package io.paycron.client;

import io.paycron.client.HttpTransport.Call;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client for Paycron's i'mport V1 API and its {@code /paycron/v1} extensions. Thread-safe; make
 * one per merchant key and share it.
 *
 * <p>It fetches the access token itself, keeps it until a minute before it expires, and on a 401
 * fetches a new one and repeats the request once. Every method either returns the {@code response}
 * of a {@code code: 0} answer, or throws {@link PaycronApiException} (a refusal, with HTTP status,
 * code and message) or {@link PaycronNetworkException} (no usable answer).
 */
public final class PaycronClient {

  private final HttpTransport transport;

  private PaycronClient(HttpTransport transport) {
    this.transport = transport;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The current access token, fetched or renewed when needed. Other methods call this for you. */
  public AccessToken getToken() {
    return transport.token();
  }

  // --- billing keys (API.md §3) ---

  /** Issues or replaces the billing key {@code customerUid} with a card. */
  public Customer registerCard(String customerUid, CardRequest card) {
    return post(customerPath(customerUid), card, Customer.class, false);
  }

  public Customer getCustomer(String customerUid) {
    return get(customerPath(customerUid), Customer.class);
  }

  /** The customers that exist among {@code customerUids}; empty when none does. */
  public List<Customer> getCustomers(List<String> customerUids) {
    QueryString query = new QueryString().addAll("customer_uid", customerUids);
    return multiGet("/subscribe/customers" + query, Customer.class);
  }

  /** Deletes the billing key and revokes its pending schedules; returns what was deleted. */
  public Customer deleteCustomer(String customerUid, String reason) {
    String path = customerPath(customerUid) + new QueryString().add("reason", reason);
    return transport.send(new Call("DELETE", path, null, false), Json.type(Customer.class));
  }

  public Page<Payment> customerPayments(String customerUid, int page) {
    String path = customerPath(customerUid) + "/payments" + new QueryString().add("page", page);
    return transport.send(Call.get(path), Json.pageOf(Payment.class));
  }

  // --- charges (API.md §4) ---

  /** Charges card data directly. A decline is a Payment with status {@code FAILED}. */
  public Payment onetime(OnetimeRequest request) {
    return post("/subscribe/payments/onetime", request, Payment.class, true);
  }

  /** Charges a stored billing key. A decline is a Payment with status {@code FAILED}. */
  public Payment again(AgainRequest request) {
    return post("/subscribe/payments/again", request, Payment.class, true);
  }

  // --- payments (API.md §8) ---

  public Payment getPayment(String impUid) {
    return get("/payments/" + QueryString.encode(impUid), Payment.class);
  }

  /** The payments that exist among the given ids (at most 100 in all); empty when none does. */
  public List<Payment> getPayments(List<String> impUids, List<String> merchantUids) {
    QueryString query =
        new QueryString().addAll("imp_uid", impUids).addAll("merchant_uid", merchantUids);
    return multiGet("/payments" + query, Payment.class);
  }

  /** The newest payment for {@code merchantUid}, whatever its status. */
  public Payment findPayment(String merchantUid) {
    return findPayment(merchantUid, Optional.empty());
  }

  /** The newest payment for {@code merchantUid} with that status (empty: any status). */
  public Payment findPayment(String merchantUid, Optional<PaymentStatus> status) {
    return get(
        "/payments/find/" + QueryString.encode(merchantUid) + statusSegment(status), Payment.class);
  }

  /** Every payment for {@code merchantUid} (one per attempt), newest first. */
  public Page<Payment> findAllPayments(
      String merchantUid, Optional<PaymentStatus> status, int page) {
    String path =
        "/payments/findAll/"
            + QueryString.encode(merchantUid)
            + statusSegment(status)
            + new QueryString().add("page", page);
    return transport.send(Call.get(path), Json.pageOf(Payment.class));
  }

  /**
   * Payments started in {@code [from, to]} (a span of at most 90 days) with that status (empty:
   * all).
   */
  public Page<Payment> paymentsByStatus(
      Optional<PaymentStatus> status, Instant from, Instant to, int page, int limit) {
    QueryString query =
        new QueryString()
            .add("from", from.getEpochSecond())
            .add("to", to.getEpochSecond())
            .add("page", page)
            .add("limit", limit);
    String path = "/payments/status/" + status.map(PaycronClient::wire).orElse("all") + query;
    return transport.send(Call.get(path), Json.pageOf(Payment.class));
  }

  /** Refunds all or part of a payment and returns it updated. */
  public Payment cancel(CancelRequest request) {
    return post("/payments/cancel", request, Payment.class, true);
  }

  // --- scheduled payments (API.md §5) ---

  /** Stores the schedules (all or none) and returns them, {@code scheduled}. */
  public List<Schedule> schedule(ScheduleRequest request) {
    return transport.send(
        new Call("POST", "/subscribe/payments/schedule", request, false),
        Json.listOf(Schedule.class));
  }

  /**
   * Revokes these pending schedules and returns them, {@code revoked}. An empty list is refused
   * here, because the server reads it as "all of the customer's": say so with {@link
   * #unscheduleAll(String)}.
   *
   * @param customerUid may be {@code null} to revoke by {@code merchant_uid} alone
   */
  public List<Schedule> unschedule(String customerUid, List<String> merchantUids) {
    if (merchantUids.isEmpty()) {
      throw new IllegalArgumentException(
          "merchantUids: empty would revoke every pending schedule; use unscheduleAll");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (customerUid != null) {
      body.put("customer_uid", customerUid);
    }
    body.put("merchant_uid", List.copyOf(merchantUids));
    return unscheduleBody(body);
  }

  /** Revokes every pending schedule of the customer and returns them. */
  public List<Schedule> unscheduleAll(String customerUid) {
    return unscheduleBody(Map.of("customer_uid", Objects.requireNonNull(customerUid)));
  }

  public Schedule getSchedule(String merchantUid) {
    return get(schedulePath(merchantUid), Schedule.class);
  }

  /**
   * Schedules due in {@code [from, to)} (a span of at most 3 months) with that status (empty: all),
   * newest first.
   */
  public Page<Schedule> listSchedules(
      Instant from, Instant to, Optional<ScheduleStatus> status, int page, int limit) {
    QueryString query =
        new QueryString()
            .add("schedule_from", from.getEpochSecond())
            .add("schedule_to", to.getEpochSecond())
            .add("schedule_status", status.map(PaycronClient::wire).orElse(null))
            .add("page", page)
            .add("limit", limit);
    return transport.send(
        Call.get("/subscribe/payments/schedule" + query), Json.pageOf(Schedule.class));
  }

  /** The customer's schedules, newest first. */
  public Page<Schedule> customerSchedules(String customerUid, int page) {
    String path =
        "/subscribe/payments/schedule/customers/"
            + QueryString.encode(customerUid)
            + new QueryString().add("page", page);
    return transport.send(Call.get(path), Json.pageOf(Schedule.class));
  }

  /** Moves a pending ({@code scheduled}) schedule to another future time. */
  public Schedule moveSchedule(String merchantUid, Instant scheduleAt) {
    return transport.send(
        new Call("PUT", schedulePath(merchantUid), Map.of("schedule_at", scheduleAt), false),
        Json.type(Schedule.class));
  }

  /** Gives a failed or revoked schedule a new attempt time. */
  public Schedule reschedule(String merchantUid, Instant scheduleAt) {
    return post(
        schedulePath(merchantUid) + "/reschedule",
        Map.of("schedule_at", scheduleAt),
        Schedule.class,
        false);
  }

  /** Charges a failed schedule now. A decline is a Payment with status {@code FAILED}. */
  public Payment retrySchedule(String merchantUid) {
    return post(schedulePath(merchantUid) + "/retry", Map.of(), Payment.class, true);
  }

  // --- webhooks (API.md §10) ---

  public WebhookSettings getWebhookSettings() {
    return get("/paycron/v1/webhook", WebhookSettings.class);
  }

  /** Sets the merchant's default webhook URL; returns the settings now in force. */
  public WebhookSettings setWebhookUrl(String url) {
    return transport.send(
        new Call("PUT", "/paycron/v1/webhook", Map.of("url", url), false),
        Json.type(WebhookSettings.class));
  }

  /**
   * Replaces the signing secret and returns the settings with the new one. Verify with both the old
   * and the new secret until deliveries signed with the old one have drained.
   */
  public WebhookSettings rotateWebhookSecret() {
    return post("/paycron/v1/webhook/rotate_secret", Map.of(), WebhookSettings.class, false);
  }

  /** The webhook events about a payment or schedule, with their delivery attempts. */
  public List<Event> events(String objectId) {
    String path = "/paycron/v1/events" + new QueryString().add("object_id", objectId);
    return transport.send(Call.get(path), Json.listOf(Event.class));
  }

  /** Delivers the event again (same {@code webhook-id}); returns it. */
  public Event replayEvent(String eventId) {
    return post(
        "/paycron/v1/events/" + QueryString.encode(eventId) + "/replay",
        Map.of(),
        Event.class,
        false);
  }

  // --- helpers ---

  private <T> T get(String path, Class<T> type) {
    return transport.send(Call.get(path), Json.type(type));
  }

  private <T> T post(String path, Object body, Class<T> type, boolean movesMoney) {
    return transport.send(new Call("POST", path, body, movesMoney), Json.type(type));
  }

  /** A multi-get answers 207 with the found ones, or 404 when none is found. */
  private <T> List<T> multiGet(String path, Class<T> element) {
    try {
      return transport.send(Call.get(path), Json.listOf(element));
    } catch (PaycronApiException e) {
      if (e.isNotFound()) {
        return List.of();
      }
      throw e;
    }
  }

  private List<Schedule> unscheduleBody(Map<String, Object> body) {
    return transport.send(
        new Call("POST", "/subscribe/payments/unschedule", body, false),
        Json.listOf(Schedule.class));
  }

  private static String customerPath(String customerUid) {
    return "/subscribe/customers/" + QueryString.encode(customerUid);
  }

  private static String schedulePath(String merchantUid) {
    return "/subscribe/payments/schedule/" + QueryString.encode(merchantUid);
  }

  private static String statusSegment(Optional<PaymentStatus> status) {
    return status.map(s -> "/" + wire(s)).orElse("");
  }

  private static String wire(PaymentStatus status) {
    if (status == PaymentStatus.UNKNOWN) {
      throw new IllegalArgumentException("status: UNKNOWN is not a filter");
    }
    return status.wire();
  }

  private static String wire(ScheduleStatus status) {
    if (status == ScheduleStatus.UNKNOWN) {
      throw new IllegalArgumentException("status: UNKNOWN is not a filter");
    }
    return status.wire();
  }

  /** Configures a {@link PaycronClient}; {@link #baseUrl} and {@link #credentials} are required. */
  public static final class Builder {
    private String baseUrl;
    private String impKey;
    private String impSecret;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Where Paycron listens, e.g. {@code http://localhost:8080}. */
    public Builder baseUrl(String value) {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl: needs a scheme and a host: " + value);
      }
      baseUrl = value.replaceAll("/+$", "");
      return this;
    }

    /** The merchant's REST API key pair ({@code imp_key}, {@code imp_secret}). */
    public Builder credentials(String impKey, String impSecret) {
      this.impKey = Objects.requireNonNull(impKey, "impKey");
      this.impSecret = Objects.requireNonNull(impSecret, "impSecret");
      return this;
    }

    /** The clock that decides when the token is renewed. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Defaults to a client with a 10 s connect timeout. */
    public Builder httpClient(HttpClient value) {
      httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /**
     * How long to wait for one answer (default 60 s). Keep it above Paycron's gateway timeout (30 s
     * by default), or charges time out here while the server is still waiting for the card company.
     */
    public Builder timeout(Duration value) {
      timeout = Objects.requireNonNull(value, "timeout");
      return this;
    }

    public PaycronClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (impKey == null) {
        throw new IllegalStateException("credentials are required");
      }
      HttpClient http =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      return new PaycronClient(new HttpTransport(baseUrl, http, timeout, impKey, impSecret, clock));
    }
  }
}
