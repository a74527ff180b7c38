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
    assertThat(options.steady()).isFalse();
  }

  @Test
  void steadyDefaultsToOneThousandPerSecondForThirtySeconds() {
    BenchOptions options = BenchOptions.parse(new String[] {"--steady"});

    assertThat(options.steady()).isTrue();
    assertThat(options.steadyRate()).isEqualTo(1000);
    assertThat(options.steadySeconds()).isEqualTo(30);
    assertThat(options.steadySchedules()).isEqualTo(30_000);
  }

  @Test
  void aSteadyRateOrLengthAsksForTheSteadyLoad() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--steady-rate", "100", "--steady-seconds", "5"});

    assertThat(options.steady()).isTrue();
    assertThat(options.steadySchedules()).isEqualTo(500);
  }

  @Test
  void steadyRefusesTheBurstOptions() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--steady", "--drain"}))
        .hasMessageContaining("--steady runs only the steady load");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--steady", "--schedules", "10"}))
        .hasMessageContaining("--steady runs only the steady load");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--steady", "--nodes", "1,2"}))
        .hasMessageContaining("--steady runs only the steady load");
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
  void sqliteRunsPaycronAloneOnOneNode() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--sqlite", "--schedules", "3000", "--warmup", "1000", "--no-write-docs"
            });

    assertThat(options.sqlite()).isTrue();
    assertThat(options.nodes()).containsExactly(1);
    assertThat(options.skipReferences()).isTrue();
    assertThat(options.schedules()).isEqualTo(3000);
    assertThat(options.warmUp()).isEqualTo(1000);
    assertThat(options.writeDocs()).isFalse();
    assertThat(options.scaling()).isFalse();
    assertThat(options.commandLine())
        .isEqualTo("./paycron bench --sqlite --schedules 3000 --warmup 1000 --no-write-docs");
  }

  @Test
  void sqliteTakesAnExplicitSingleNode() {
    assertThat(BenchOptions.parse(new String[] {"--sqlite", "--nodes", "1"}).nodes())
        .containsExactly(1);
    assertThat(BenchOptions.parse(new String[] {"--sqlite"}).sqlite()).isTrue();
    assertThat(BenchOptions.parse(new String[0]).sqlite()).isFalse();
  }

  @Test
  void sqliteRefusesMoreThanOneNode() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sqlite", "--nodes", "2"}))
        .hasMessageContaining("--sqlite runs one node")
        .hasMessageContaining("--nodes 2 needs PostgreSQL");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--nodes", "1,2,3", "--sqlite"}))
        .hasMessageContaining("--sqlite runs one node")
        .hasMessageContaining("--nodes 1,2,3 needs PostgreSQL");
  }

  @Test
  void sqliteRefusesThePostgresqlOnlyRuns() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sqlite", "--steady"}))
        .hasMessageContaining("--steady and --drain are PostgreSQL runs");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sqlite", "--drain"}))
        .hasMessageContaining("--steady and --drain are PostgreSQL runs");
    assertThatThrownBy(
            () ->
                BenchOptions.parse(
                    new String[] {"--sqlite", "--db-url", "jdbc:postgresql://db:5432/x"}))
        .hasMessageContaining("--db-url and --db-user are for PostgreSQL");
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
