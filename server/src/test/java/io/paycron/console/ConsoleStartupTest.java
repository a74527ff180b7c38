package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.paycron.storage.StartupRefusedException;
import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Half a configured operator is a mistake: the server refuses to start and names the other half.
 */
class ConsoleStartupTest {

  private static void assertRefused(Map<String, Object> settings, String naming) {
    Throwable root = catchThrowable(() -> TestServer.start(TestDatabase.SQLITE, settings).close());
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root).isInstanceOf(StartupRefusedException.class).hasMessageContaining(naming);
  }

  @Test
  void aPasswordWithoutAUserIsRefused() {
    assertRefused(
        Map.of("paycron.console.password", ConsoleBrowserTest.PASSWORD),
        "PAYCRON_CONSOLE_USER is missing");
  }

  @Test
  void aUserWithoutAPasswordIsRefused() {
    assertRefused(
        Map.of("paycron.console.user", ConsoleBrowserTest.OPERATOR),
        "PAYCRON_CONSOLE_PASSWORD is missing");
  }
}
