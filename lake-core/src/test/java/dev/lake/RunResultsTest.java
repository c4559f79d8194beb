package dev.lake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.internal.lake.Json;
import dev.lake.internal.lake.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's {@link RunResult} and the public {@link PipelineResult}, each way: the engine writes the run report
 * file from its own value (jackson-core's streaming writer) with the bytes that Jackson databind gives the public
 * result, and the derived counts the public result reports are the engine's.
 */
class RunResultsTest {

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RunResultsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({"runs/run-report.json", "runs/run-report-batched.json"})
  void write_engineReportOfARecordedReport_theRecordedBytes(String file) throws IOException {
    byte[] recorded = resource(file);
    PipelineResult report = Json.read(recorded, PipelineResult.class);

    RunResult engine = RunResults.toEngine(report);

    assertThat(new String(Json.write(engine), UTF_8)).isEqualTo(new String(recorded, UTF_8));
    assertThat(RunResults.toPublic(engine)).isEqualTo(report);
  }

  @ParameterizedTest
  @CsvSource({"internal/lake/metadata/run-report.json", "internal/lake/metadata/run-report-empty.json",
      "runs/run-report-before-warnings.json", "runs/run-report-before-split-ledger.json"})
  void write_engineReport_databindsJsonOfThePublicResultByteForByte(String file) throws IOException {
    PipelineResult report = Json.read(resource(file), PipelineResult.class);

    byte[] written = Json.write(RunResults.toEngine(report));

    assertThat(new String(written, UTF_8)).isEqualTo(Json.mapper().writeValueAsString(report));
    assertThat(Json.read(written, PipelineResult.class)).isEqualTo(report);
  }

  @Test
  void toPublic_engineReport_sameValuesAndDerivedCounts() {
    RunResult engine = new RunResult("p", "run1", "ck", Instant.parse("2026-01-01T00:00:00Z"),
        Duration.ofSeconds(3), 2, 10, 1, List.of(new RunResult.Step("s", 10, 9, 1, 0),
            new RunResult.Step("buffer", 9, 2, 0, 9)),
        List.of(new RunResult.Sink("lake:x", 2, 2, 0, 1, 100, 3, false)), List.of(), "rej", Map.of("a", "1"),
        Map.of("a", "2"), true, 1, List.of("r0", "r1", "r2", "r3"),
        List.of(new RunResult.Warning("parse", "k", 1, List.of("m"))));

    PipelineResult result = RunResults.toPublic(engine);

    assertThat(result.skippedCommittedBy()).as("three committers kept, as the public result keeps")
        .containsExactly("r0", "r1", "r2");
    assertThat(result.steps().get(1)).isEqualTo(StepReport.builder().name("buffer").in(9).out(2).batched(9).build());
    assertThat(result.steps().get(1).grouped()).isEqualTo(engine.steps().get(1).grouped()).isEqualTo(7);
    assertThat(result.sinks()).singleElement().isEqualTo(SinkReport.builder().name("lake:x").in(2).written(2)
        .files(1).bytes(100).version(3).build());
    assertThat(result.warnings()).singleElement().isEqualTo(WarningReport.builder().step("parse").kind("k")
        .count(1).examples(List.of("m")).build());
    assertThat(List.of(result.rowsIn(), result.rowsWritten(), result.rowsRejected(), result.rowsFiltered(),
        result.rowsGrouped(), result.rowsAdded())).containsExactly(11L, 2L, 2L, 0L, 7L, 0L);
    assertThat(result.reconciles()).isEqualTo(engine.reconciles()).isTrue();
    assertThat(result.summary()).isEqualTo(engine.summary()).startsWith("p: 11 in, 2 written, 2 rejected")
        .endsWith("; stopped at the deadline (the rest is read by the next run); bad rows in rej; warnings: 1 k "
            + "(parse)");
    assertThat(RunResults.toEngine(result)).isEqualTo(engine);
  }
}
