package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.Pipeline;
import dev.lake.source.files.CsvSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake sink that coalesces its run's small files, on Spark with tasks that fail once and are retried: one file per
 * partition, every row exactly once, and nothing on disk but the committed files.
 */
class CoalesceOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void coalesceSmallFiles_retriedTasks_oneFilePerMonthAndEveryRowOnce() throws IOException {
    Lake lake = Lake.at(dir.resolve("spark").toString());
    Pipeline<RetailMonthRow> pipeline = Pipeline.from(CsvSource.of(RetailLine.class)
            .from(SharedSpark.DATA.toUri() + "online_retail/by-day/*.csv*"))
        .named("online-retail")
        .map("partition-by-month", RetailMonthRow::of)
        .apply(new FailFirstAttempt<RetailMonthRow>("coalesce", 30_000))
        .to(lake.processed(RetailByMonth.DATASET).partitionBy("year", "month").coalesceSmallFiles());

    PipelineResult result = pipeline.run(SparkRunner.of(SharedSpark.session()).withPartitions(2));
    assertThat(FailFirstAttempt.failures("coalesce")).isEqualTo(2);

    assertThat(result.sinks().get(0).files()).isEqualTo(13);
    assertThat(SharedSpark.rows(lake, RetailByMonth.DATASET)).isEqualTo(SharedSpark.localOnlineRetailRows());
    Set<String> committed = new HashSet<>();
    lake.latest(RetailByMonth.DATASET).orElseThrow().files().forEach(f -> committed.add(f.path()));
    assertThat(committed).hasSize(13);
    Path data = dir.resolve("spark/processed/online_retail");
    try (Stream<Path> files = Files.walk(data)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("_")).toList()).containsExactlyInAnyOrderElementsOf(committed);
    }
  }
}
