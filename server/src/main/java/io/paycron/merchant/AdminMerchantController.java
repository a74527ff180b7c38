package io.paycron.merchant;

import io.paycron.RuntimeMode;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchant management for operators (API.md §10, {@code PAYCRON_ADMIN_TOKEN}). Secrets appear only
 * in the answer that creates them. Times are UNIX seconds.
 */
@RestController
class AdminMerchantController {

  private static final int MAX_NAME = 200;

  private final MerchantAccounts accounts;
  private final ApiRequests requests;
  private final RuntimeMode mode;

  AdminMerchantController(MerchantAccounts accounts, ApiRequests requests, RuntimeMode mode) {
    this.accounts = accounts;
    this.requests = requests;
    this.mode = mode;
  }

  record CredentialsResponse(String merchant_id, String imp_key, String imp_secret) {
    static CredentialsResponse of(MerchantAccounts.Credentials c) {
      return new CredentialsResponse(c.merchantId(), c.impKey(), c.impSecret());
    }
  }

  /** {@code revoked_at} is 0 while the key is active (API.md §1: times that did not happen). */
  record KeyResponse(String imp_key, long created_at, long revoked_at) {
    static KeyResponse of(MerchantAccounts.KeyInfo k) {
      return new KeyResponse(k.impKey(), k.createdAt() / 1000, k.revokedAt() / 1000);
    }
  }

  record MerchantResponse(
      String merchant_id, String name, boolean sandbox, long created_at, List<KeyResponse> keys) {}

  record RevokedTokensResponse(String merchant_id, int revoked_tokens) {}

  @PostMapping("/paycron/admin/v1/merchants")
  Envelope<CredentialsResponse> create(HttpServletRequest http) {
    String name = requests.body(http).string("name").map(String::strip).orElse("");
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new ApiException.InvalidRequest("name: is required, 1 to " + MAX_NAME + " characters");
    }
    return Envelope.ok(CredentialsResponse.of(accounts.create(name, mode.isSandbox())));
  }

  @GetMapping("/paycron/admin/v1/merchants/{merchant_id}")
  Envelope<MerchantResponse> get(@PathVariable("merchant_id") String merchantId) {
    MerchantAccounts.Account a = accounts.describe(merchantId);
    return Envelope.ok(
        new MerchantResponse(
            a.merchantId(),
            a.name(),
            a.sandbox(),
            a.createdAt() / 1000,
            a.keys().stream().map(KeyResponse::of).toList()));
  }

  @PostMapping("/paycron/admin/v1/merchants/{merchant_id}/keys")
  Envelope<CredentialsResponse> addKey(@PathVariable("merchant_id") String merchantId) {
    return Envelope.ok(CredentialsResponse.of(accounts.addKey(merchantId)));
  }

  @DeleteMapping("/paycron/admin/v1/merchants/{merchant_id}/keys/{imp_key}")
  Envelope<KeyResponse> revokeKey(
      @PathVariable("merchant_id") String merchantId, @PathVariable("imp_key") String impKey) {
    return Envelope.ok(KeyResponse.of(accounts.revokeKey(merchantId, impKey)));
  }

  @DeleteMapping("/paycron/admin/v1/merchants/{merchant_id}/tokens")
  Envelope<RevokedTokensResponse> revokeTokens(@PathVariable("merchant_id") String merchantId) {
    return Envelope.ok(new RevokedTokensResponse(merchantId, accounts.revokeTokens(merchantId)));
  }
}
