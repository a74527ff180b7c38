package io.paycron.merchant;

import io.paycron.RuntimeMode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the public sandbox merchant in sandbox mode only. Its key pair is i'mport's own published
 * test pair, so existing sample code runs unchanged; production refuses it.
 */
@Component
public class SandboxMerchant implements SmartInitializingSingleton {

  public static final String MERCHANT_ID = "mer_sandbox";
  public static final String IMP_KEY = "imp_apikey";
  public static final String IMP_SECRET =
      "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f";

  private static final Logger log = LoggerFactory.getLogger(SandboxMerchant.class);

  private final MerchantRepository merchants;
  private final TokenService tokens;
  private final RuntimeMode mode;
  private final Clock clock;
  private final TransactionTemplate transactions;

  SandboxMerchant(
      MerchantRepository merchants,
      TokenService tokens,
      RuntimeMode mode,
      Clock clock,
      TransactionTemplate transactions) {
    this.merchants = merchants;
    this.tokens = tokens;
    this.mode = mode;
    this.clock = clock;
    this.transactions = transactions;
  }

  private final java.util.concurrent.atomic.AtomicBoolean seeded =
      new java.util.concurrent.atomic.AtomicBoolean();

  @Override
  public void afterSingletonsInstantiated() {
    seed();
  }

  /** Seeds the merchant once (sandbox mode only); safe to call from anything that needs it. */
  public void seed() {
    if (!mode.isSandbox() || !seeded.compareAndSet(false, true)) {
      return;
    }
    String hash = tokens.hashSecret(IMP_SECRET);
    transactions.executeWithoutResult(
        tx -> {
          if (!merchants.merchantExists(MERCHANT_ID)) {
            merchants.insertMerchant(MERCHANT_ID, "Sandbox merchant", true, clock.millis());
          }
          merchants.insertApiKey(MERCHANT_ID, IMP_KEY, hash, clock.millis());
        });
    log.info("sandbox merchant ready: imp_key={}", IMP_KEY);
  }
}
