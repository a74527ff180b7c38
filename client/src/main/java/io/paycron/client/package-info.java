/**
 * A Java client for the i'mport (PortOne V1) REST API as served by Paycron, and a verifier for
 * Paycron's signed webhooks.
 *
 * <p>Conventions shared by every type in this package:
 *
 * <ul>
 *   <li><b>Amounts</b> are {@link java.math.BigDecimal} in the currency's major unit, exactly as on
 *       the wire ({@code 8900} KRW, {@code 12.5} USD). Paycron refuses more decimals than the
 *       currency has.
 *   <li><b>Times</b> are {@link java.time.Instant}. The wire carries UNIX seconds and uses {@code
 *       0} for "did not happen"; that {@code 0} is read as {@code null}, never as {@link
 *       java.time.Instant#EPOCH}, so an unset {@code paid_at} cannot be mistaken for a real time.
 *   <li><b>Statuses</b> are enums; a value this client does not know yet is read as {@code UNKNOWN}
 *       instead of failing the whole answer.
 *   <li><b>Unknown JSON fields</b> are ignored, so a newer server does not break an older client.
 * </ul>
 */
package io.paycron.client;
