package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.internal.lake.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PipelineResult as a class: the JSON of {@code _lake/runs/<pipeline>/<runId>.json} is what the record wrote
 * ({@code runs/run-report.json} was written by the record), and reports in older shapes still read.
 */
class PipelineResultTest {

  private static PipelineResult sample() {
    return PipelineResult.builder().pipeline("p").runId("run1").commitKey("ck")
        .startedAt(Instant.parse("2026-01-01T00:00:00Z")).duration(Duration.ofSeconds(3)).splits(2).rowsRead(10)
        .sourceRejected(1).steps(List.of(new PipelineResult.StepReport("s", 10, 9, 1, 0)))
        .sinks(List.of(new PipelineResult.SinkReport("lake:x", 9, 9, 0, 1, 100, 3))).rejectedDataset("rej")
        .cursorsBefore(Map.of("a", "1")).cursorsAfter(Map.of("a", "2")).splitsSkipped(1)
        .skippedCommittedBy(List.of("r0"))
        .warnings(List.of(new PipelineResult.WarningReport("parse", "k", 1, List.of("m")))).build();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PipelineResultTest.class.getResourceAsStream("runs/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void write_builtReport_sameJsonAsTheRecordWrote() throws IOException {
    JsonNode written = Json.mapper().readTree(Json.write(sample()));
    JsonNode recorded = Json.mapper().readTree(resource("run-report.json"));

    // the same properties and values, and the report's own properties in the record's order (the order of a nested
    // record's derived properties, filtered and grouped, was never fixed)
    assertThat(written).isEqualTo(recorded);
    assertThat(fieldNames(written.fieldNames())).isEqualTo(fieldNames(recorded.fieldNames()));
  }

  private static List<String> fieldNames(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  void read_currentReport_equalsWhatWasWritten() throws IOException {
    PipelineResult read = Json.read(resource("run-report.json"), PipelineResult.class);

    assertThat(read).isEqualTo(sample()).hasSameHashCodeAs(sample());
    assertThat(read.rowsIn()).isEqualTo(11);
    assertThat(read.reconciles()).isTrue();
    assertThat(read.summary()).isEqualTo(sample().summary());
  }

  @Test
  void read_reportWrittenBeforeWarnings_readsWithNoWarnings() throws IOException {
    PipelineResult read = Json.read(resource("run-report-before-warnings.json"), PipelineResult.class);

    assertThat(read.warnings()).isEmpty();
    assertThat(read).isEqualTo(sample().toBuilder().warnings(null).build());
  }

  @Test
  void read_reportWrittenBeforeTheSplitLedger_readsWithNothingSkipped() throws IOException {
    PipelineResult read = Json.read(resource("run-report-before-split-ledger.json"), PipelineResult.class);

    assertThat(read.splitsSkipped()).isZero();
    assertThat(read.skippedCommittedBy()).isEmpty();
    assertThat(read.warnings()).isEmpty();
    assertThat(read.steps()).containsExactly(new PipelineResult.StepReport("s", 10, 9, 1));
    assertThat(read.sinks().get(0).unchanged()).isFalse();
    assertThat(read.summary()).isEqualTo("p: 11 in, 9 written, 2 rejected, 0 filtered in 3.0 s; lake:x v3: 1 files,"
        + " 100 bytes; bad rows in rej");
  }

  @Test
  void builder_nullsAndLongLists_emptyValuesAndThreeCommitters() {
    PipelineResult r = PipelineResult.builder().pipeline("p").skippedCommittedBy(List.of("a", "b", "c", "d"))
        .cursorsAfter(null).build();

    assertThat(r.steps()).isEmpty();
    assertThat(r.sinks()).isEmpty();
    assertThat(r.badRows()).isEmpty();
    assertThat(r.cursorsAfter()).isEmpty();
    assertThat(r.skippedCommittedBy()).containsExactly("a", "b", "c");
    assertThat(r.duration()).isEqualTo(Duration.ZERO);
    assertThat(r.toString()).startsWith("PipelineResult[pipeline=p, runId=null,");
  }

  @Test
  void toBuilder_changedValue_otherValuesKept() {
    PipelineResult changed = sample().toBuilder().rowsRead(12).build();

    assertThat(changed.rowsRead()).isEqualTo(12);
    assertThat(changed).isNotEqualTo(sample());
    assertThat(changed.toBuilder().rowsRead(10).build()).isEqualTo(sample());
  }
}
