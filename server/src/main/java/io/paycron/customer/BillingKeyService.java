package io.paycron.customer;

import io.paycron.common.Secrets;
import io.paycron.connector.Gateways;
import io.paycron.gateway.BillingKeyRequest;
import io.paycron.gateway.BillingKeyResult;
import io.paycron.gateway.CardData;
import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Issues, replaces, reads and deletes billing keys (i'mport's customer_uid). */
@Service
public class BillingKeyService {

  static final String ISSUE_REFUSED = "카드정보 인증 및 빌키 발급에 실패하였습니다.";
  static final String CARD_REFUSED = "카드정보 인증에 실패하였습니다.";

  private static final Logger log = LoggerFactory.getLogger(BillingKeyService.class);
  private static final int MAX_UID_LENGTH = 200;

  private final BillingKeyRepository keys;
  private final Gateways gateways;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ObjectProvider<BillingKeyListener> listeners;

  BillingKeyService(
      BillingKeyRepository keys,
      Gateways gateways,
      Clock clock,
      TransactionTemplate transactions,
      ObjectProvider<BillingKeyListener> listeners) {
    this.keys = keys;
    this.gateways = gateways;
    this.clock = clock;
    this.transactions = transactions;
    this.listeners = listeners;
  }

  /** A billing key the gateway issued for a single charge and that Paycron does not keep. */
  public record OneTimeKey(
      String merchantId, String pgProvider, String pgId, BillingKeyResult.Issued issued) {}

  /** Issues (or replaces) the billing key of a customer_uid; a refusal answers code -1. */
  public BillingKey register(
      Merchant merchant, String customerUid, CardData card, String pg, CustomerDetails details) {
    requireValidUid(customerUid);
    Gateways.Selected selected = gateways.select(merchant.id(), pg);
    BillingKeyResult.Issued issued =
        issue(selected, gatewayCustomerKey(merchant, customerUid), card, ISSUE_REFUSED, true);
    Optional<BillingKey> previous = keys.find(merchant.id(), customerUid);
    long now = clock.millis();
    BillingKey key =
        new BillingKey(
            merchant.id(),
            customerUid,
            selected.gateway().provider(),
            selected.pgId(),
            issued.token(),
            issued.card(),
            details,
            previous.map(BillingKey::insertedAt).orElse(now),
            now);
    keys.upsert(key);
    // a gateway may hand back the same key for the same card: deleting "the old one" would then
    // delete the live one
    previous.filter(p -> !p.gatewayToken().equals(issued.token())).ifPresent(this::deleteAtGateway);
    if (previous.isPresent()) {
      listeners.orderedStream().forEach(l -> l.onReplaced(merchant.id(), customerUid));
    }
    log.info(
        "billing key issued: merchant={} customer_uid={} card={}",
        merchant.id(),
        customerUid,
        issued.card().maskedNumber());
    return key;
  }

  /** For a onetime charge without customer_uid: the card is checked and tokenised, not kept. */
  public OneTimeKey issueForOneCharge(
      Merchant merchant, String merchantUid, CardData card, String pg) {
    Gateways.Selected selected = gateways.select(merchant.id(), pg);
    BillingKeyResult.Issued issued =
        issue(
            selected,
            gatewayCustomerKey(merchant, "onetime:" + merchantUid),
            card,
            CARD_REFUSED,
            false);
    return new OneTimeKey(merchant.id(), selected.gateway().provider(), selected.pgId(), issued);
  }

  /** Forgets a one-time key at the gateway once its charge is done. */
  public void discard(OneTimeKey key) {
    try {
      gateways
          .forKey(key.merchantId(), key.pgProvider(), key.pgId())
          .deleteBillingKey(key.issued().token());
    } catch (RuntimeException e) {
      log.warn(
          "could not delete a one-time billing key at {}: {}", key.pgProvider(), e.getMessage());
    }
  }

  private static BillingKeyResult.Issued issue(
      Gateways.Selected selected,
      String customerKey,
      CardData card,
      String refusal,
      boolean withCode) {
    BillingKeyResult result =
        selected.gateway().issueBillingKey(new BillingKeyRequest(customerKey, card));
    if (result instanceof BillingKeyResult.Refused refused) {
      throw new ApiException.Refused(
          -1,
          withCode
              ? refusal + " [" + refused.code() + "] " + refused.message()
              : refusal + " " + refused.message());
    }
    return (BillingKeyResult.Issued) result;
  }

  public Optional<BillingKey> find(Merchant merchant, String customerUid) {
    return keys.find(merchant.id(), customerUid);
  }

  /** The billing key, or 404 as API.md's matrix says. */
  public BillingKey get(Merchant merchant, String customerUid) {
    return keys.find(merchant.id(), customerUid).orElseThrow(() -> notFound(customerUid));
  }

  public List<BillingKey> findAll(Merchant merchant, Collection<String> customerUids) {
    return customerUids.isEmpty() ? List.of() : keys.findAll(merchant.id(), customerUids);
  }

  /** A removed billing key and the pending schedules revoked with it. */
  public record Deleted(BillingKey key, List<String> revokedSchedules) {}

  /**
   * Deletes the billing key here and at the gateway; its pending schedules are revoked in the same
   * transaction, as i'mport does.
   */
  public Deleted delete(Merchant merchant, String customerUid) {
    BillingKey key = get(merchant, customerUid);
    List<String> revoked =
        transactions.execute(
            tx -> {
              if (!keys.delete(merchant.id(), customerUid)) {
                throw notFound(customerUid);
              }
              return listeners
                  .orderedStream()
                  .flatMap(listener -> listener.onDeleted(merchant.id(), customerUid).stream())
                  .toList();
            });
    deleteAtGateway(key);
    log.info(
        "billing key deleted: merchant={} customer_uid={} revoked_schedules={}",
        merchant.id(),
        customerUid,
        revoked.size());
    return new Deleted(key, revoked);
  }

  private void deleteAtGateway(BillingKey key) {
    try {
      gateways
          .forKey(key.merchantId(), key.pgProvider(), key.pgId())
          .deleteBillingKey(key.gatewayToken());
    } catch (RuntimeException e) {
      log.warn(
          "could not delete billing key of customer_uid={} at {}: {}",
          key.customerUid(),
          key.pgProvider(),
          e.getMessage());
    }
  }

  static ApiException.NotFound notFound(String customerUid) {
    return new ApiException.NotFound("요청하신 customer_uid(" + customerUid + ")로 등록된 정보를 찾을 수 없습니다.");
  }

  private static void requireValidUid(String customerUid) {
    if (customerUid == null || customerUid.isBlank()) {
      throw new ApiException.InvalidRequest("customer_uid: is required");
    }
    if (customerUid.length() > MAX_UID_LENGTH
        || customerUid.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException.InvalidRequest(
          "customer_uid: must be at most " + MAX_UID_LENGTH + " printable characters");
    }
  }

  /** A stable id for the customer at the provider that reveals nothing of the merchant's own. */
  static String gatewayCustomerKey(Merchant merchant, String customerUid) {
    return "cus_" + Secrets.sha256Hex(merchant.id() + "\n" + customerUid).substring(0, 32);
  }
}
