package io.paycron.gateway;

/**
 * What a gateway tells about a card: safe to store and to show.
 *
 * @param cardType 0 credit, 1 check, or null when unknown
 */
public record CardInfo(
    String maskedNumber,
    String cardCode,
    String cardName,
    Integer cardType,
    String issuerCode,
    String issuerName,
    String publisherCode,
    String publisherName) {}
