package io.paycron.apidocs;

/** Who may call an endpoint; decides its security requirement and its 401/403/429 answers. */
public enum Access {
  /** No token: only getToken. */
  PUBLIC,
  /** A merchant's access token from getToken. */
  MERCHANT,
  /** The operators' {@code PAYCRON_ADMIN_TOKEN}. */
  ADMIN
}
