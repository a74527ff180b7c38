package io.paycron;

import io.paycron.common.SecretBox;
import io.paycron.storage.StartupRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that encrypts stored secrets: {@code PAYCRON_ENCRYPTION_KEY}, base64 of 32 bytes. */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfig {

  static final String KEY_FILE = "encryption.key";

  /**
   * Sandbox mode without a key generates one under {@code PAYCRON_DATA} the first time and keeps
   * using it, so `./paycron serve` needs no setup. Production without a key gets a throwaway one
   * that seals nothing: {@link ProductionGuard} refuses to start before anything is stored, and
   * {@link EncryptionKeyCheck} leaves the database alone.
   */
  @Bean
  SecretBox secretBox(PaycronProperties properties, RuntimeMode mode) {
    String configured = properties.encryptionKey();
    if (configured != null && !configured.isBlank()) {
      try {
        return SecretBox.fromBase64(configured);
      } catch (IllegalArgumentException e) {
        throw new StartupRefusedException(
            "PAYCRON_ENCRYPTION_KEY is not valid: " + e.getMessage() + ".",
            "Set it to the base64 of 32 random bytes, e.g. the output of `openssl rand -base64"
                + " 32`.");
      }
    }
    return SecretBox.fromBase64(
        mode.isSandbox() ? generatedKey(properties.data()) : SecretBox.newKey());
  }

  /** The key in {@code data/encryption.key}, created (readable by its owner only) if absent. */
  static String generatedKey(Path data) {
    Path file = data.resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(data);
        Path temp = Files.createTempFile(data, KEY_FILE, ".tmp");
        try {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the folder's own permissions protect it
        }
        Files.writeString(temp, SecretBox.newKey() + "\n", StandardCharsets.US_ASCII);
        try {
          // a link never replaces: of two processes starting at once, the first key written
          // wins and the other reads it
          Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
          // written by the other process
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new StartupRefusedException(
          "the sandbox encryption key " + file + " cannot be read or written: " + e.getMessage(),
          "Make PAYCRON_DATA writable, or set PAYCRON_ENCRYPTION_KEY.");
    }
  }
}
