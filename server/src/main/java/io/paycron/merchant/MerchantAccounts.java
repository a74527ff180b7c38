package io.paycron.merchant;

import io.paycron.common.Secrets;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Merchants and their API key pairs, as the admin API manages them. */
@Service
public class MerchantAccounts {

  /** A new key pair; the secret is shown once and only its hash is kept. */
  public record Credentials(String merchantId, String impKey, String impSecret) {}

  /** A merchant as operators see it: never a secret, never a token. */
  public record Account(
      String merchantId, String name, boolean sandbox, long createdAt, List<KeyInfo> keys) {}

  /** One key pair's public half; {@code revokedAt} is 0 while it is active. */
  public record KeyInfo(String impKey, long createdAt, long revokedAt) {}

  private final MerchantRepository merchants;
  private final TokenService tokens;
  private final Clock clock;
  private final TransactionTemplate transactions;

  MerchantAccounts(
      MerchantRepository merchants,
      TokenService tokens,
      Clock clock,
      TransactionTemplate transactions) {
    this.merchants = merchants;
    this.tokens = tokens;
    this.clock = clock;
    this.transactions = transactions;
  }

  public Credentials create(String name, boolean sandbox) {
    String merchantId = "mer_" + Secrets.randomHex(8);
    Credentials credentials = newPair(merchantId);
    String hash = tokens.hashSecret(credentials.impSecret());
    transactions.executeWithoutResult(
        tx -> {
          merchants.insertMerchant(merchantId, name, sandbox, clock.millis());
          merchants.insertApiKey(merchantId, credentials.impKey(), hash, clock.millis());
        });
    return credentials;
  }

  public Account describe(String merchantId) {
    MerchantRepository.MerchantRow merchant = existing(merchantId);
    List<KeyInfo> keys =
        merchants.keysOf(merchantId).stream()
            .map(k -> new KeyInfo(k.impKey(), k.createdAt(), k.revokedAt()))
            .toList();
    return new Account(
        merchant.id(), merchant.name(), merchant.sandbox(), merchant.createdAt(), keys);
  }

  /** A further key pair, e.g. to rotate: the old pair works until it is revoked. */
  public Credentials addKey(String merchantId) {
    existing(merchantId);
    Credentials credentials = newPair(merchantId);
    merchants.insertApiKey(
        merchantId,
        credentials.impKey(),
        tokens.hashSecret(credentials.impSecret()),
        clock.millis());
    return credentials;
  }

  /**
   * Revokes a key pair and every token issued for it: both stop working on every node at once (each
   * request checks them in the database).
   */
  public KeyInfo revokeKey(String merchantId, String impKey) {
    existing(merchantId);
    transactions.executeWithoutResult(
        tx -> {
          if (!merchants.revokeKey(merchantId, impKey, clock.millis())) {
            throw new ApiException.NotFound("no active API key " + impKey + " for this merchant");
          }
          merchants.deleteTokensOfKey(merchantId, impKey);
        });
    return describe(merchantId).keys().stream()
        .filter(k -> k.impKey().equals(impKey))
        .findFirst()
        .orElseThrow();
  }

  /** Ends every access token of the merchant (its keys stay valid); how many there were. */
  public int revokeTokens(String merchantId) {
    existing(merchantId);
    return merchants.deleteTokens(merchantId);
  }

  private MerchantRepository.MerchantRow existing(String merchantId) {
    return merchants
        .findMerchant(merchantId)
        .orElseThrow(() -> new ApiException.NotFound("no merchant " + merchantId));
  }

  private static Credentials newPair(String merchantId) {
    return new Credentials(merchantId, Secrets.randomHex(8), Secrets.randomHex(40));
  }
}
