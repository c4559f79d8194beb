package dev.lake.it.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README sample matcher itself: what it masks, what "…" stands for, and what it refuses. */
class ReadmeSamplesTest {
  @Test
  void parse_markedBlock_commandsWithTheirOutputAndContinuations() {
    List<String> readme = List.of("text", "```", "$ not marked", "```", ReadmeSamples.MARK, "```",
        "$ lake ls ./lake    # a comment", "Lake file:///…/lake/: 1 datasets", "$ lake iam A#b \\",
        "    --arg x", "{", "```");

    List<ReadmeSamples.Command> commands = ReadmeSamples.parse(readme);

    assertThat(commands).extracting(ReadmeSamples.Command::text).containsExactly("lake ls ./lake",
        "lake iam A#b --arg x");
    assertThat(commands.get(0).expected()).containsExactly("Lake file:///…/lake/: 1 datasets");
    assertThat(commands.get(0).line()).isEqualTo(7);
    assertThat(commands.get(1).expected()).containsExactly("{");
  }

  @Test
  void parse_blankLinesBetweenCommands_notPartOfTheOutput() {
    List<ReadmeSamples.Command> commands = ReadmeSamples.parse(List.of(ReadmeSamples.MARK, "```", "$ lake ls",
        "a", "", "b", "", "$ lake runs", "c", "```"));

    assertThat(commands.get(0).expected()).containsExactly("a", "", "b");
    assertThat(ReadmeSamples.mismatch(commands.get(0).expected(), List.of("a", "", "b", ""))).isEmpty();
    assertThat(ReadmeSamples.mismatch(commands.get(0).expected(), List.of("a", "b"))).isPresent();
  }

  @Test
  void parse_markWithoutABlock_refused() {
    assertThatThrownBy(() -> ReadmeSamples.parse(List.of(ReadmeSamples.MARK, "text")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must precede a ``` block");
  }

  @Test
  void mismatch_volatileValuesAndColumnWidths_masked() {
    List<String> expected = List.of(
        "online-retail: 541,909 in in 5.4 s; v1: 26 files, 4,593,827 bytes",
        "2026-11-26 08:01:46Z  sparkify-songplays  run 20261126T080146Z-f437b74f  1.1 s",
        "zone  rows  size",
        "----  ----  ------");
    List<String> actual = List.of(
        "online-retail: 541,909 in in 23.3 s; v1: 26 files, 4,609,078 bytes",
        "2026-12-07 05:28:07Z  sparkify-songplays  run 20261207T052807Z-406b1a01  12.0 s",
        "zone    rows  size",
        "------  ----  ----");

    assertThat(ReadmeSamples.mismatch(expected, actual)).isEmpty();
  }

  @Test
  void mismatch_differentCount_reportedWithTheLine() {
    assertThat(ReadmeSamples.mismatch(List.of("songs 71 rows written"), List.of("songs 72 rows written")))
        .hasValueSatisfying(m -> assertThat(m).contains("songs 71 rows written").contains("songs 72 rows written"));
  }

  @Test
  void mismatch_ellipsis_inALineAnyTextAndAloneAnyLines() {
    List<String> expected = List.of("Parquet files under file:/…/lake/processed/online_retail/", "…", "end");

    assertThat(ReadmeSamples.mismatch(expected, List.of("Parquet files under file:/tmp/x/lake/processed/"
        + "online_retail/", "a", "b", "end"))).isEmpty();
    assertThat(ReadmeSamples.mismatch(expected, List.of("Parquet files under file:/tmp/x/lake/processed/"
        + "online_retail/", "end"))).isEmpty();
    assertThat(ReadmeSamples.mismatch(expected, List.of("Parquet files under file:/tmp/x/lake/processed/"
        + "online_retail/", "end", "more"))).isPresent();
  }
}
