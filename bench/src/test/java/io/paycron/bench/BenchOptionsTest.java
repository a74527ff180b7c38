package io.paycron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTwoHundredThousandSchedulesOnOneNodeWithReferencesAndDocs() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(options.schedules()).isEqualTo(200_000);
    assertThat(options.nodes()).containsExactly(1);
    assertThat(options.latencyMs()).isZero();
    assertThat(options.skipReferences()).isFalse();
    assertThat(options.writeDocs()).isTrue();
    assertThat(options.scaling()).isFalse();
    assertThat(options.commandLine()).isEqualTo("./paycron bench");
  }

  @Test
  void drainMeansOneMillionUnlessACountIsGiven() {
    assertThat(BenchOptions.parse(new String[] {"--drain"}).schedules()).isEqualTo(1_000_000);
    assertThat(BenchOptions.parse(new String[] {"--drain", "--schedules", "5000"}).schedules())
        .isEqualTo(5000);
  }

  @Test
  void aNodeListReportsScaling() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--schedules", "100000", "--nodes", "1,2,3", "--skip-references"});

    assertThat(options.nodes()).isEqualTo(List.of(1, 2, 3));
    assertThat(options.scaling()).isTrue();
    assertThat(options.skipReferences()).isTrue();
    assertThat(options.commandLine())
        .isEqualTo("./paycron bench --schedules 100000 --nodes 1,2,3 --skip-references");
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}))
        .hasMessageContaining("unknown option --fast");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--schedules", "0"}))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--schedules"}))
        .hasMessageContaining("needs a value");
  }
}
