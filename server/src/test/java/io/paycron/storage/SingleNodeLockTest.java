package io.paycron.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleNodeLockTest {

  @Test
  void aSecondServerOnTheSameSqliteFileRefusesToStartWithAClearMessage() {
    try (TestServer first = TestServer.start(TestDatabase.SQLITE)) {
      String dataDir = first.store().sqliteFile().getParent().toString();
      assertThatThrownBy(
              () -> TestServer.start(TestDatabase.SQLITE, Map.of("paycron.data", dataDir)))
          .hasRootCauseInstanceOf(StartupRefusedException.class)
          .rootCause()
          .hasMessageContaining("already in use by another Paycron process");
      // the first server is unharmed
      assertThat(first.sandboxClient().get("/payments/imps_000000000000").status()).isEqualTo(404);
    }
  }

  @Test
  void theLockIsReleasedWhenTheServerStops() {
    String dataDir;
    try (TestServer first = TestServer.start(TestDatabase.SQLITE)) {
      dataDir = first.store().sqliteFile().getParent().toString();
    }
    try (TestServer second =
        TestServer.start(TestDatabase.SQLITE, Map.of("paycron.data", dataDir))) {
      assertThat(second.sandboxClient().token()).isNotBlank();
    }
  }
}
