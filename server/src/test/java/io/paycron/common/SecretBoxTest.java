package io.paycron.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final SecretBox box = new SecretBox("an operator's key of at least 32 characters");

  @Test
  void aSealedValueOpensToItsPlaintextAndShowsNothingOfIt() {
    String sealed = box.seal("whsec_plain");
    assertThat(sealed).startsWith("v1:").doesNotContain("whsec_plain").doesNotContain("plain");
    assertThat(box.open(sealed)).isEqualTo("whsec_plain");
    assertThat(new SecretBox("an operator's key of at least 32 characters").open(sealed))
        .isEqualTo("whsec_plain");
  }

  @Test
  void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
    assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
  }

  @Test
  void anotherKeyOrAnAlteredValueIsRefusedClearly() {
    String sealed = box.seal("whsec_plain");
    assertThatThrownBy(() -> new SecretBox("another key, also long enough to pass").open(sealed))
        .isInstanceOf(SecretBox.WrongKeyException.class)
        .hasMessageContaining("PAYCRON_SECRET_KEY");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(altered)).isInstanceOf(SecretBox.WrongKeyException.class);
    assertThatThrownBy(() -> box.open("v1:not base64!"))
        .isInstanceOf(SecretBox.WrongKeyException.class);
  }

  @Test
  void valuesStoredBeforeEncryptionAreReadAsTheyAre() {
    assertThat(box.open("whsec_legacy")).isEqualTo("whsec_legacy");
    assertThat(SecretBox.isSealed("whsec_legacy")).isFalse();
  }
}
