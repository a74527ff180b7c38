package io.paycron.merchant;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates merchants with a fresh key pair (the admin API builds on this). */
@Service
public class MerchantAccounts {

  /** A new merchant's credentials; the secret is shown once and only its hash is kept. */
  public record Credentials(String merchantId, String impKey, String impSecret) {}

  private final MerchantRepository merchants;
  private final TokenService tokens;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final SecureRandom random = new SecureRandom();

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
    String merchantId = "mer_" + randomHex(8);
    String impKey = randomHex(8);
    String impSecret = randomHex(40);
    String hash = tokens.hashSecret(impSecret);
    transactions.executeWithoutResult(
        tx -> {
          merchants.insertMerchant(merchantId, name, sandbox, clock.millis());
          merchants.upsertApiKey(merchantId, impKey, hash, clock.millis());
        });
    return new Credentials(merchantId, impKey, impSecret);
  }

  private String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
