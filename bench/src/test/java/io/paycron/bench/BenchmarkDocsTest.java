package io.paycron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDocsTest {

  @TempDir Path dir;

  @Test
  void aRunRewritesItsOwnSectionAndKeepsTheOthers() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.DRAIN, "## drain\n\nfirst drain\n"));
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.COMPARISON, "## side\n\nfirst side\n"));
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.COMPARISON, "## side\n\nsecond side\n"));

    String text = Files.readString(page);
    assertThat(text).contains("first drain").contains("second side").doesNotContain("first side");
    assertThat(text).contains("Not run yet: `./paycron bench --nodes 1,2,3");
    assertThat(text).contains("## Method");
    assertThat(text.indexOf("second side")).isLessThan(text.indexOf("first drain"));
  }

  @Test
  void notesWrittenAboveTheSectionsSurviveARun() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.DRAIN, "## drain\n\nfirst drain\n"));
    String text = Files.readString(page);
    int firstSection = text.indexOf("<!-- bench:");
    Files.writeString(
        page,
        text.substring(0, firstSection)
            + "## History\n\nwritten by hand\n\n"
            + text.substring(firstSection));

    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.STEADY, "## steady\n\nfirst steady\n"));

    text = Files.readString(page);
    assertThat(text).startsWith("# Benchmarks").contains("first steady").contains("first drain");
    assertThat(text).contains("## History\n\nwritten by hand\n\n<!-- bench:comparison -->");
    assertThat(text.indexOf("written by hand")).isEqualTo(text.lastIndexOf("written by hand"));
  }

  @Test
  void sqliteHasASectionOfItsOwn() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.COMPARISON, "## side\n\npostgres side\n"));
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.SQLITE, "## sqlite\n\nfirst sqlite\n"));

    String text = Files.readString(page);
    assertThat(text)
        .contains("postgres side")
        .contains("<!-- bench:sqlite -->\n## sqlite\n\nfirst sqlite\n<!-- /bench:sqlite -->");
    assertThat(text.indexOf("first sqlite")).isLessThan(text.indexOf("## Method"));
  }

  @Test
  void anUnrunSqliteSectionSaysHowToRunIt() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.STEADY, "## steady\n\nfirst steady\n"));

    assertThat(Files.readString(page)).contains("_Not run yet: `./paycron bench --sqlite`._");
  }

  @Test
  void chartAxesEndOnRoundNumbers() {
    assertThat(ExecutedOverTimeChart.niceCeiling(7)).isEqualTo(10);
    assertThat(ExecutedOverTimeChart.niceCeiling(200_000)).isEqualTo(200_000);
    assertThat(ExecutedOverTimeChart.niceCeiling(230_000)).isEqualTo(500_000);
    assertThat(ExecutedOverTimeChart.niceCeiling(1.2)).isEqualTo(2);
  }
}
