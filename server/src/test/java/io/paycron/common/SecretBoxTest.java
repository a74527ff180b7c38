package io.paycron.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final String key = SecretBox.newKey();
  private final SecretBox box = SecretBox.fromBase64(key);

  @Test
  void aSealedValueOpensToItsPlaintextForItsOwnerAndShowsNothingOfIt() {
    String sealed = box.seal("whsec_plain", "mer_a");
    assertThat(sealed).startsWith("v1:").doesNotContain("whsec_plain").doesNotContain("plain");
    assertThat(box.open(sealed, "mer_a")).isEqualTo("whsec_plain");
    assertThat(SecretBox.fromBase64(key).open(sealed, "mer_a")).isEqualTo("whsec_plain");
  }

  @Test
  void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
    assertThat(box.seal("same", "mer_a")).isNotEqualTo(box.seal("same", "mer_a"));
  }

  @Test
  void anotherKeyAnotherOwnerOrAnAlteredValueIsRefusedClearly() {
    String sealed = box.seal("whsec_plain", "mer_a");
    assertThatThrownBy(() -> SecretBox.fromBase64(SecretBox.newKey()).open(sealed, "mer_a"))
        .isInstanceOf(SecretBox.WrongKeyException.class)
        .hasMessageContaining("PAYCRON_ENCRYPTION_KEY");
    // copied into another merchant's row, it does not open
    assertThatThrownBy(() -> box.open(sealed, "mer_b"))
        .isInstanceOf(SecretBox.WrongKeyException.class);
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(altered, "mer_a"))
        .isInstanceOf(SecretBox.WrongKeyException.class);
    assertThatThrownBy(() -> box.open("v1:not base64!", "mer_a"))
        .isInstanceOf(SecretBox.WrongKeyException.class);
    assertThatThrownBy(() -> box.open("whsec_in_clear", "mer_a"))
        .isInstanceOf(SecretBox.WrongKeyException.class);
  }

  @Test
  void aKeyMustBeTheBase64Of32Bytes() {
    assertThat(Base64.getDecoder().decode(SecretBox.newKey())).hasSize(32);
    assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ="))
        .hasMessageContaining("is 5 bytes; it must be 32");
    assertThatThrownBy(() -> SecretBox.fromBase64("not base64 at all!"))
        .hasMessageContaining("not base64");
  }
}
