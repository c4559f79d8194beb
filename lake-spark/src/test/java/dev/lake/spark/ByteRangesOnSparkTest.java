package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.files.CsvSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large uncompressed CSV (all 305 Online Retail days in one file, ~45 MB) read in 4 MiB byte ranges on Spark:
 * the same rows as the whole file read in one split locally.
 */
class ByteRangesOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void largeCsv_splitIntoByteRanges_onSpark_readsEveryRowOnce() throws IOException {
    Path csv = dir.resolve("in/online_retail.csv");
    long sourceRows = concatenate(SharedSpark.DATA.resolve("online_retail/by-day"), csv);
    Lake whole = Lake.at(dir.resolve("whole").toString());
    Lake ranges = Lake.at(dir.resolve("ranges").toString());

    PipelineResult one = pipeline(CsvSource.of(RetailLine.class).from(csv.toString()), whole).run();
    PipelineResult many = pipeline(CsvSource.of(RetailLine.class).from(csv.toString()).withSplitSize(4L << 20), ranges)
        .run(SparkRunner.of(SharedSpark.session()));

    assertThat(one.splits()).isEqualTo(1);
    assertThat(many.splits()).isEqualTo((int) ((Files.size(csv) + (4L << 20) - 1) / (4L << 20))).isGreaterThan(8);
    assertThat(many.rowsRead() + many.sourceRejected()).isEqualTo(sourceRows);
    assertThat(many.rowsWritten()).isEqualTo(one.rowsWritten());
    assertThat(many.rowsRejected()).isEqualTo(one.rowsRejected());
    assertThat(SharedSpark.rows(ranges, "retail")).isEqualTo(SharedSpark.rows(whole, "retail"));
  }

  private static Pipeline<RetailMonthRow> pipeline(CsvSource<RetailLine> source, Lake lake) {
    return Pipeline.from(source).named("retail-ranges").map("to-row", RetailMonthRow::of)
        .to(lake.processed("retail").partitionBy("year", "month")).onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** Writes every day's lines under one header; returns the data lines written (counted here, not by Lake). */
  private static long concatenate(Path days, Path out) throws IOException {
    Files.createDirectories(out.getParent());
    long rows = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); Stream<Path> files = Files.list(days)) {
      List<Path> sorted = files.sorted().toList();
      for (int f = 0; f < sorted.size(); f++) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(sorted.get(f))), StandardCharsets.UTF_8))) {
          String header = r.readLine();
          if (f == 0) {
            w.write(header);
            w.write('\n');
          }
          String line;
          while ((line = r.readLine()) != null) {
            w.write(line);
            w.write('\n');
            rows++;
          }
        }
      }
    }
    return rows;
  }
}
