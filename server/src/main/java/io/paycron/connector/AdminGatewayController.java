package io.paycron.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paycron.web.ApiException;
import io.paycron.web.ApiRequest;
import io.paycron.web.ApiRequests;
import io.paycron.web.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's gateway configurations, for operators (API.md §10). Answers never contain
 * credentials. Times are UNIX seconds.
 */
@RestController
class AdminGatewayController {

  private final GatewaySettings settings;
  private final ApiRequests requests;

  AdminGatewayController(GatewaySettings settings, ApiRequests requests) {
    this.settings = settings;
    this.requests = requests;
  }

  record GatewayResponse(
      String pg,
      String provider,
      String base_url,
      @JsonProperty("default") boolean isDefault,
      long created_at,
      long updated_at) {
    static GatewayResponse of(MerchantGatewayConfig c) {
      return new GatewayResponse(
          c.pg(),
          c.provider(),
          c.baseUrl(),
          c.isDefault(),
          c.createdAt() / 1000,
          c.updatedAt() / 1000);
    }
  }

  @PutMapping("/paycron/admin/v1/merchants/{merchant_id}/gateways/{pg}")
  Envelope<GatewayResponse> put(
      @PathVariable("merchant_id") String merchantId,
      @PathVariable("pg") String pg,
      HttpServletRequest http) {
    ApiRequest body = requests.body(http);
    String provider =
        body.string("provider")
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .orElseThrow(() -> new ApiException.InvalidRequest("provider: is required"));
    Map<String, String> credentials = new LinkedHashMap<>();
    body.object("credentials")
        .ifPresent(
            c ->
                c.fieldNames()
                    .forEach(name -> credentials.put(name, c.string(name).orElse("").strip())));
    GatewaySettings.Change change =
        new GatewaySettings.Change(
            provider,
            body.string("base_url").map(String::strip).filter(u -> !u.isEmpty()).orElse(null),
            credentials,
            body.bool("default").orElse(false));
    return Envelope.ok(GatewayResponse.of(settings.put(merchantId, pg, change)));
  }

  @GetMapping("/paycron/admin/v1/merchants/{merchant_id}/gateways")
  Envelope<List<GatewayResponse>> list(@PathVariable("merchant_id") String merchantId) {
    return Envelope.ok(settings.list(merchantId).stream().map(GatewayResponse::of).toList());
  }

  @DeleteMapping("/paycron/admin/v1/merchants/{merchant_id}/gateways/{pg}")
  Envelope<Map<String, String>> delete(
      @PathVariable("merchant_id") String merchantId, @PathVariable("pg") String pg) {
    settings.delete(merchantId, pg);
    return Envelope.ok(Map.of("pg", pg));
  }
}
