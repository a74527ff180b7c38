package io.paycron.merchant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paycron.common.Secrets;
import io.paycron.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Issues and checks access tokens. Secrets are stored as bcrypt hashes and tokens as SHA-256
 * hashes; a token lives 30 minutes, a repeat request returns the same token, and a request in its
 * last minute extends it by 5 minutes (i'mport's rules).
 *
 * <p>Some clients call getToken before every request, and bcrypt is slow on purpose, so a pair that
 * verified once is remembered (by a hash of the secret, never the secret) for 10 minutes. The raw
 * token cannot be read back from its hash, so the token to repeat is remembered by this node;
 * another node, or this one after a restart, issues a fresh token, which is equally valid. Both
 * memories are checked against the database on use, so a revoked key or token ends everywhere.
 */
@Service
public class TokenService {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final Duration LAST_MINUTE = Duration.ofMinutes(1);
  static final Duration EXTENSION = Duration.ofMinutes(5);

  private final MerchantRepository merchants;
  private final Clock clock;
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
  private final Cache<String, String> verifiedPairs =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();
  private final Cache<String, LiveToken> liveTokens =
      Caffeine.newBuilder()
          .expireAfterWrite(LIFETIME.plus(Duration.ofHours(1)))
          .maximumSize(10_000)
          .build();

  private record LiveToken(String merchantId, String raw, long expiresAtMillis) {}

  TokenService(MerchantRepository merchants, Clock clock) {
    this.merchants = merchants;
    this.clock = clock;
  }

  /**
   * Hashes an API secret for storage. bcrypt reads at most 72 bytes and i'mport secrets are 80
   * characters, so the secret is pre-hashed with SHA-256 (64 hex characters) to keep every
   * character significant.
   */
  public String hashSecret(String secret) {
    return bcrypt.encode(Secrets.sha256Hex(secret));
  }

  TokenResponse issue(String impKey, String impSecret) {
    String merchantId = verify(impKey, impSecret);
    long now = clock.millis();
    LiveToken token =
        liveTokens
            .asMap()
            .compute(
                impKey,
                (key, current) -> {
                  if (current == null
                      || !current.merchantId().equals(merchantId)
                      || current.expiresAtMillis() <= now
                      || !merchants.tokenExists(Secrets.sha256Hex(current.raw()))) {
                    return newToken(merchantId, impKey, now);
                  }
                  if (current.expiresAtMillis() - now <= LAST_MINUTE.toMillis()) {
                    long extended = current.expiresAtMillis() + EXTENSION.toMillis();
                    merchants.extendToken(merchantId, Secrets.sha256Hex(current.raw()), extended);
                    return new LiveToken(merchantId, current.raw(), extended);
                  }
                  return current;
                });
    return new TokenResponse(token.raw(), now / 1000, token.expiresAtMillis() / 1000);
  }

  private LiveToken newToken(String merchantId, String impKey, long now) {
    String raw = Secrets.randomHex(20);
    long expiresAt = now + LIFETIME.toMillis();
    merchants.insertToken(merchantId, Secrets.sha256Hex(raw), impKey, now, expiresAt);
    return new LiveToken(merchantId, raw, expiresAt);
  }

  /**
   * The key is read from the database every time, so a key revoked on any node stops issuing tokens
   * at once; only the slow bcrypt check is skipped for a secret that matched this very stored hash
   * before.
   */
  private String verify(String impKey, String impSecret) {
    MerchantRepository.ApiKeyRow key =
        merchants.findActiveApiKey(impKey).orElseThrow(ApiException.Unauthorized::new);
    String fingerprint = impKey + ":" + Secrets.sha256Hex(impSecret);
    if (!key.secretHash().equals(verifiedPairs.getIfPresent(fingerprint))) {
      if (!bcrypt.matches(Secrets.sha256Hex(impSecret), key.secretHash())) {
        throw new ApiException.Unauthorized();
      }
      verifiedPairs.put(fingerprint, key.secretHash());
    }
    return key.merchantId();
  }

  /** The merchant a raw token belongs to, or 401 when it is unknown or expired. */
  Merchant authenticate(String rawToken) {
    if (rawToken == null || rawToken.isBlank() || rawToken.length() > 256) {
      throw new ApiException.Unauthorized();
    }
    MerchantRepository.TokenRow row =
        merchants
            .findToken(Secrets.sha256Hex(rawToken))
            .orElseThrow(ApiException.Unauthorized::new);
    if (row.expiresAt() <= clock.millis()) {
      throw new ApiException.Unauthorized();
    }
    return new Merchant(row.merchantId(), row.merchantName(), row.sandbox());
  }

  /** Forgets what this node remembers, as a restart would. */
  void forgetCachedTokens() {
    liveTokens.invalidateAll();
    verifiedPairs.invalidateAll();
  }
}
