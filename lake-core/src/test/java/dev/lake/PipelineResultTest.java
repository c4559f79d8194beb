package dev.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
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
        .sourceRejected(1).steps(List.of(StepReport.builder().name("s").in(10).out(9).rejected(1).build()))
        .sinks(List.of(SinkReport.builder().name("lake:x").in(9).written(9).files(1).bytes(100)
            .version(3).build())).rejectedDataset("rej")
        .cursorsBefore(Map.of("a", "1")).cursorsAfter(Map.of("a", "2")).splitsSkipped(1)
        .skippedCommittedBy(List.of("r0"))
        .warnings(List.of(WarningReport.builder().step("parse").kind("k").count(1).examples(List.of("m"))
            .build())).build();
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
    assertThat(new String(Json.write(sample()), UTF_8)).isEqualTo(new String(resource("run-report.json"), UTF_8));
  }

  @Test
  void write_batchedStepAndUnchangedSink_theBytesTheRecordsWrote() throws IOException {
    // written by PipelineResult with StepReport, SinkReport and WarningReport still records
    byte[] recorded = resource("run-report-batched.json");

    PipelineResult read = Json.read(recorded, PipelineResult.class);

    assertThat(new String(Json.write(read), UTF_8)).isEqualTo(new String(recorded, UTF_8));
    assertThat(Json.mapper().writeValueAsString(read)).isEqualTo(new String(recorded, UTF_8));
    assertThat(read.steps()).containsExactly(StepReport.builder().name("s").in(10).out(9).rejected(1).build(),
        StepReport.builder().name("buffer").in(9).out(2).batched(9).build());
    assertThat(read.steps().get(1).grouped()).isEqualTo(7);
    assertThat(read.sinks().get(1)).isEqualTo(SinkReport.builder().name("lake:y").in(2).written(2).version(4)
        .unchanged(true).build());
    assertThat(read.warnings()).containsExactly(WarningReport.builder().step("parse").kind("k").count(2)
        .examples(List.of("m", "n")).build());
    assertThat(read.summary()).isEqualTo("p: 11 in, 2 written, 2 rejected, 0 filtered, 9 rows in 2 batches by buffer"
        + " in 3.0 s; 1 of 3 splits already committed (by run r0), skipped; lake:x v3: 1 files, 100 bytes; lake:y"
        + " unchanged (nothing to commit, still v4); bad rows in rej; warnings: 2 k (parse)");
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
    assertThat(read.steps()).containsExactly(StepReport.builder().name("s").in(10).out(9).rejected(1).build());
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
