package io.paycron.merchant;

import io.paycron.common.Secrets;
import java.time.Clock;
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
    String impKey = Secrets.randomHex(8);
    String impSecret = Secrets.randomHex(40);
    String hash = tokens.hashSecret(impSecret);
    transactions.executeWithoutResult(
        tx -> {
          merchants.insertMerchant(merchantId, name, sandbox, clock.millis());
          merchants.upsertApiKey(merchantId, impKey, hash, clock.millis());
        });
    return new Credentials(merchantId, impKey, impSecret);
  }
}
