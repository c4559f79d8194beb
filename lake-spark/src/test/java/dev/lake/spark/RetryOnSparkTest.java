package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark task that fails half-way through its partition (after writing files) is retried, and the output still holds
 * every row exactly once: the retry writes names of its own, and the driver publishes only collected files.
 */
class RetryOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void taskFailingOnce_isRetried_andEveryRowIsWrittenExactlyOnce() throws IOException {
    PipelineResult expected = SharedSpark.localOnlineRetailResult();
    Lake lake = Lake.at(dir.resolve("spark").toString());

    PipelineResult result = RetailByMonth.pipeline(SharedSpark.DATA.toUri(), lake, 20_000)
        .apply(new FailFirstAttempt<RetailMonthRow>("retry", 30_000))
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(2));

    // each of the two partitions failed once, then succeeded
    assertThat(FailFirstAttempt.failures("retry")).isEqualTo(2);
    assertThat(result.rowsWritten()).isEqualTo(expected.rowsWritten());
    List<String> rows = SharedSpark.rows(lake, RetailByMonth.DATASET);
    assertThat(rows).isEqualTo(SharedSpark.localOnlineRetailRows());
    // Exactly the committed files are on disk: no leftover of a failed attempt beside them.
    Set<String> committed = new HashSet<>();
    lake.latest(RetailByMonth.DATASET).orElseThrow().files().forEach(f -> committed.add(f.path()));
    Path data = dir.resolve("spark/processed/online_retail");
    try (Stream<Path> files = Files.walk(data)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("_")).toList()).containsExactlyInAnyOrderElementsOf(committed);
    }
    assertThat(committed.size()).isGreaterThan(20); // files rolled every 20,000 rows, so attempts finished files
  }
}
