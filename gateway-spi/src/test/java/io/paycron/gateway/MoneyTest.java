package io.paycron.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void convertsWholeWonExactly() {
    assertThat(Money.ofMajor(new BigDecimal("8900.0"), Money.KRW)).isEqualTo(Money.krw(8900));
  }

  @Test
  void refusesFractionalWon() {
    assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("8900.5"), Money.KRW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimals");
  }

  @Test
  void keepsCentsForDollars() {
    Money money = Money.ofMajor(new BigDecimal("10.5"), USD);
    assertThat(money.minorUnits()).isEqualTo(1050);
    assertThat(money.toMajor()).isEqualByComparingTo("10.50");
    assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("10.555"), USD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAmountsBeyondLong() {
    assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("1e30"), Money.KRW))
        .hasMessageContaining("too large");
  }

  @Test
  void refusesMixedCurrencies() {
    assertThatThrownBy(() -> Money.krw(1).plus(Money.of(1, USD)))
        .hasMessageContaining("cannot mix");
    assertThat(Money.krw(5).minus(Money.krw(2))).isEqualTo(Money.krw(3));
  }

  @Test
  void cardDataNeverPrintsTheNumber() {
    CardData card = new CardData("4242424242424242", "2030-12", "900101", "12", null);
    assertThat(card.toString()).doesNotContain("4242424242424242").contains("42424242****4242");
  }
}
