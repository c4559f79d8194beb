package dev.lake.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.sparkify.Sparkify;
import dev.lake.spark.SparkRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five Sparkify pipelines (song files, JSON Lines logs, lookups, deduplication) give the same rows on Spark. */
class SparkifyOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void sparkify_onSpark_writesTheSameFiveTablesAsTheLocalRunner() {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake spark = Lake.at(dir.resolve("spark").toString());
    List<Pipeline<?>> here = Sparkify.pipelines(SharedSpark.DATA.toUri(), local);
    List<Pipeline<?>> there = Sparkify.pipelines(SharedSpark.DATA.toUri(), spark);

    for (int i = 0; i < here.size(); i++) {
      PipelineResult a = here.get(i).run();
      PipelineResult b = there.get(i).run(SparkRunner.of(SharedSpark.session()));
      assertThat(b.splits()).as(b.pipeline()).isEqualTo(a.splits()).isGreaterThan(1);
      assertThat(b.rowsWritten()).as(b.pipeline()).isEqualTo(a.rowsWritten()).isPositive();
      assertThat(b.rowsRejected()).as(b.pipeline()).isEqualTo(a.rowsRejected());
    }
    for (String table : List.of(Sparkify.SONGS, Sparkify.ARTISTS, Sparkify.USERS, Sparkify.TIME,
        Sparkify.SONGPLAYS)) {
      assertThat(SharedSpark.rows(spark, table)).as(table).isEqualTo(SharedSpark.rows(local, table));
    }
  }
}
