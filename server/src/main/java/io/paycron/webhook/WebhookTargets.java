package io.paycron.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Where a production Paycron may send webhooks: public addresses only. A merchant's URL (or a
 * notice_url) pointing at loopback, link-local (cloud metadata at 169.254.169.254), private or
 * otherwise internal ranges would let anyone with an API key make the server probe its own network
 * (SSRF). Sandbox mode allows them: a merchant's test receiver is usually on localhost.
 */
final class WebhookTargets {

  private WebhookTargets() {}

  /** False for loopback, link-local, private (10/8, 172.16/12, 192.168/16, fc00::/7), CGNAT … */
  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    return (b[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
  }

  /**
   * Refuses, when it can tell without a DNS lookup, a URL whose host is internal: a literal
   * internal address or a localhost name. Names are checked again, resolved, when sending.
   */
  static void requirePublicHost(String url) {
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")) {
      throw refused(host);
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (literal.matches("[0-9.]+") || literal.contains(":")) {
      try {
        if (!isPublic(InetAddress.getByName(literal))) { // a literal: parsed, not looked up
          throw refused(host);
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("url: " + host + " is not an address");
      }
    }
  }

  /**
   * The scheme and host of a URL, for logs: a URL may carry credentials (user:password@, a token in
   * its path or query), which must not reach a log.
   */
  static String origin(String url) {
    try {
      URI uri = URI.create(url);
      String host = uri.getHost();
      return uri.getScheme() + "://" + (host == null ? "?" : host);
    } catch (RuntimeException e) {
      return "(unparsable URL)";
    }
  }

  private static IllegalArgumentException refused(String host) {
    return new IllegalArgumentException(
        "url: "
            + host
            + " is an internal address; production mode sends webhooks to public addresses only");
  }

  /** Resolves names as the system does, and refuses any that leads to an internal address. */
  static DnsResolver publicOnly() {
    SystemDefaultDnsResolver system = SystemDefaultDnsResolver.INSTANCE;
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = system.resolve(host);
        if (Arrays.stream(all).anyMatch(a -> !isPublic(a))) {
          throw new UnknownHostException(
              host + " resolves to an internal address; refused in production mode");
        }
        return all;
      }

      @Override
      public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
      }
    };
  }
}
