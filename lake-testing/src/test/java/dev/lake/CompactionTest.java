package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.Json;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.testing.InMemorySource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction on a local root; DuckDB's read_parquet is the independent reader of the files before and after. */
class CompactionTest {
  @TempDir
  Path dir;

  record Sale(String id, String country, int month, LocalDate day, Instant at,
      @Decimal(precision = 10, scale = 2) BigDecimal price, Long quantity) {}

  /** Rows {@code from} until {@code to}: 3 countries (one null) by 2 months; every 7th quantity is null. */
  static List<Sale> sales(int from, int to) {
    String[] countries = {"United Kingdom", "a/b=c", null};
    return IntStream.range(from, to).mapToObj(i -> new Sale("s" + i, countries[i % 3], 1 + i % 2,
        LocalDate.of(2011, 1 + i % 2, 1 + i % 28), Instant.ofEpochSecond(1_294_000_000L + i * 61L, i * 1000L),
        BigDecimal.valueOf(i * 7 + 5, 2), i % 7 == 0 ? null : (long) i)).toList();
  }

  /** Appends sales in {@code runs} runs of {@code per} rows each, every run with its own input: small files. */
  static Lake appendRuns(Path root, int runs, int per, LakeSink<Object> sink) {
    Lake lake = Lake.at(root.toString());
    for (int r = 0; r < runs; r++) {
      Pipeline.from(InMemorySource.of("sales-" + r, sales(r * per, (r + 1) * per)).withSplits(2)).named("sales")
          .to(sink).run();
    }
    return lake;
  }

  static LakeSink<Object> salesSink(Lake lake) {
    return lake.processed("sales").partitionBy("country", "month");
  }

  @Test
  void compact_manySmallFiles_sameRowsAndTypesInOneFilePerPartition() throws Exception {
    Lake lake = appendRuns(dir, 4, 60, salesSink(Lake.at(dir.toString())));
    DatasetVersion before = lake.latest("sales").orElseThrow();
    List<List<Object>> rowsBefore = duckRows(dir.resolve("processed/sales"));

    CompactionResult result = lake.compact("sales");

    DatasetVersion after = lake.latest("sales").orElseThrow();
    assertThat(before.files().size()).as("4 runs x 6 partitions, up to 2 writers").isGreaterThanOrEqualTo(24);
    assertThat(after.files()).hasSize(6).allMatch(f -> f.path().contains("/compact-"));
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.mode()).isEqualTo("COMPACT");
    assertThat(result.committed()).isTrue();
    assertThat(result.filesBefore()).isEqualTo(before.files().size());
    assertThat(result.filesAfter()).isEqualTo(6);
    assertThat(result.rows()).isEqualTo(240);
    List<List<Object>> rowsAfter = duckRows(dir.resolve("processed/sales"));
    assertThat(rowsAfter).hasSize(240).isEqualTo(rowsBefore);
    assertThat(rowsAfter.get(0)).as("DuckDB's types of the compacted files").containsSubsequence(
        "VARCHAR", "DATE", "TIMESTAMP WITH TIME ZONE", "DECIMAL(10,2)", "BIGINT");
    assertThat(idsOf(rowsAfter)).isEqualTo(IntStream.range(0, 240).mapToObj(i -> "s" + i).sorted().toList());
    assertThat(dataFiles()).as("the replaced files are deleted, as an overwrite's are")
        .containsExactlyInAnyOrderElementsOf(after.files().stream().map(DataFile::path).toList());
  }

  @Test
  void compact_bigFileInPartition_leftAsItIs() throws IOException {
    Lake lake = Lake.at(dir.toString());
    LakeSink<Object> sink = lake.processed("sales");
    Pipeline.from(InMemorySource.of("big", sales(0, 5000))).named("sales").to(sink).run();
    for (int r = 1; r <= 3; r++) {
      Pipeline.from(InMemorySource.of("small-" + r, sales(5000 + r * 10, 5010 + r * 10))).named("sales").to(sink)
          .run();
    }
    DatasetVersion before = lake.latest("sales").orElseThrow();
    DataFile big = before.files().stream().max(java.util.Comparator.comparing(DataFile::bytes)).orElseThrow();

    CompactionResult result = lake.compaction("sales").targetFileBytes(big.bytes()).run();

    DatasetVersion after = lake.latest("sales").orElseThrow();
    assertThat(after.files()).hasSize(2).contains(big);
    assertThat(result.filesKept()).isEqualTo(1);
    assertThat(result.filesBefore()).isEqualTo(3);
    assertThat(after.rows()).isEqualTo(5030);
  }

  @Test
  void compact_dryRun_writesAndCommitsNothing() throws IOException {
    Lake lake = appendRuns(dir, 3, 30, salesSink(Lake.at(dir.toString())));
    DatasetVersion before = lake.latest("sales").orElseThrow();
    List<String> filesBefore = dataFiles();

    CompactionResult plan = lake.compaction("sales").dryRun().run();

    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.committed()).isFalse();
    assertThat(plan.filesBefore()).isEqualTo(before.files().size());
    assertThat(plan.filesAfter()).isEqualTo(6);
    assertThat(plan.summary()).contains("would rewrite").contains("still v" + before.version());
    assertThat(lake.history("sales")).hasSize((int) before.version());
    assertThat(dataFiles()).isEqualTo(filesBefore);
    assertThat(dir.resolve("_lake/runs/compact.processed.sales")).doesNotExist();
  }

  @Test
  void compact_onePartition_leavesTheOthers() throws IOException {
    Lake lake = appendRuns(dir, 3, 30, salesSink(Lake.at(dir.toString())));
    DatasetVersion before = lake.latest("sales").orElseThrow();

    CompactionResult result = lake.compaction("sales").partition("country", "a/b=c").partition("month", "2").run();

    DatasetVersion after = lake.latest("sales").orElseThrow();
    assertThat(result.partitions()).singleElement()
        .satisfies(p -> assertThat(p.partition()).isEqualTo(Map.of("country", "a/b=c", "month", "2")));
    List<DataFile> untouched = before.files().stream()
        .filter(f -> !f.partition().equals(Map.of("country", "a/b=c", "month", "2"))).toList();
    assertThat(after.files()).containsAll(untouched).hasSize(untouched.size() + 1);
    assertThat(after.rows()).isEqualTo(90);
  }

  @Test
  void compact_nullPartition_selectedByHiveDefaultName() throws IOException {
    Lake lake = appendRuns(dir, 3, 30, salesSink(Lake.at(dir.toString())));

    CompactionResult result = lake.compaction("sales").partition("country", "__HIVE_DEFAULT_PARTITION__").run();

    assertThat(result.partitions()).hasSize(2).allMatch(p -> p.partition().get("country") == null);
    assertThat(Lake.at(dir.toString()).latest("sales").orElseThrow().rows()).isEqualTo(90);
  }

  @Test
  void compact_badSelection_failsNamingColumnAndPartitions() {
    Lake lake = appendRuns(dir, 2, 30, salesSink(Lake.at(dir.toString())));

    assertThatThrownBy(() -> lake.compaction("sales").partition("year", "2011").run())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot compact processed/sales where year=2011: the dataset is partitioned by [country, month]");
    assertThatThrownBy(() -> lake.compaction("sales").partition("country", "France").run())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Cannot compact processed/sales where {country=France}: no file is in such a "
            + "partition; its partitions include [{country=United Kingdom, month=1}");
    assertThatThrownBy(() -> lake.compact("nope")).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Cannot compact processed/nope: it has no commit under file:");
    assertThatThrownBy(() -> lake.compaction("sales").targetFileBytes(10))
        .isInstanceOf(ValidationException.class).hasMessage("targetFileBytes must be at least 1024 but was 10");
  }

  @Test
  void compact_thenSameInputCommittedAgain_addsNoSecondCopy() throws Exception {
    Lake lake = Lake.at(dir.toString());
    Pipeline<Sale> first = Pipeline.from(InMemorySource.of("sales-0", sales(0, 30))).named("sales")
        .to(salesSink(lake));
    first.run();
    Pipeline.from(InMemorySource.of("sales-1", sales(30, 60))).named("sales").to(salesSink(lake)).run();
    lake.compact("sales");

    // The same input again: the compacted files hold its splits, so it is skipped.
    PipelineResult again = first.run();

    assertThat(again.rowsWritten()).isZero();
    assertThat(again.splitsSkipped()).isEqualTo(1);
    assertThat(lake.latest("sales").orElseThrow().rows()).isEqualTo(60);
    assertThat(idsOf(duckRows(dir.resolve("processed/sales")))).doesNotHaveDuplicates().hasSize(60);
  }

  @Test
  void compact_writesRunReportThatReconciles() throws IOException {
    Lake lake = appendRuns(dir, 2, 30, salesSink(Lake.at(dir.toString())));

    CompactionResult result = lake.compact("sales");

    Path report = dir.resolve("_lake/runs/compact.processed.sales/" + result.runId() + ".json");
    PipelineResult r = Json.read(Files.readAllBytes(report), PipelineResult.class);
    assertThat(r.reconciles()).isTrue();
    assertThat(r.rowsIn()).isEqualTo(60);
    assertThat(r.rowsWritten()).isEqualTo(60);
    assertThat(r.sinks().get(0).version()).isEqualTo(result.versionAfter());
    assertThat(r.steps().get(0).name()).isEqualTo("rewrite " + result.filesBefore() + " small files into 6");
  }

  @Test
  void compact_nothingSmallEnough_commitsNothing() throws IOException {
    Lake lake = Lake.at(dir.toString());
    Pipeline.from(InMemorySource.of("one", sales(0, 30))).named("sales").to(lake.processed("sales")).run();

    CompactionResult result = lake.compact("sales");

    assertThat(result.committed()).isFalse();
    assertThat(result.partitions()).isEmpty();
    assertThat(result.summary()).contains("nothing to compact").contains("still v1");
    assertThat(lake.history("sales")).hasSize(1);
  }

  @Test
  void compact_jsonLinesRawZoneWithZstdParquetBeside_keepsFormatAndCodec() throws Exception {
    Lake lake = Lake.at(dir.toString());
    LakeSink<Object> raw = lake.raw("shop", "sales");
    LakeSink<Object> zstd = lake.processed("zsales").compression(Compression.ZSTD);
    for (int r = 0; r < 3; r++) {
      Pipeline.from(InMemorySource.of("in-" + r, sales(r * 20, r * 20 + 20))).named("raw").to(raw).to(zstd).run();
    }
    List<String> rawBefore = rowStrings(lake, "raw/shop/sales");

    lake.compact("raw/shop/sales");
    lake.compact("zsales");

    assertThat(lake.latest("raw/shop/sales").orElseThrow().files()).singleElement()
        .satisfies(f -> assertThat(f.path()).startsWith("ingest_date=").endsWith(".jsonl.gz"));
    assertThat(rowStrings(lake, "raw/shop/sales")).isEqualTo(rawBefore).hasSize(60);
    DataFile z = lake.latest("zsales").orElseThrow().files().get(0);
    assertThat(duck("SELECT DISTINCT compression FROM parquet_metadata('" + dir.resolve("processed/zsales")
        .resolve(z.path()) + "')")).containsExactly(List.of("ZSTD"));
  }

  private static List<String> rowStrings(Lake lake, String dataset) throws IOException {
    List<String> rows = new ArrayList<>();
    try (var r = lake.read(dataset).open(dev.lake.io.SourceContext.standalone())) {
      r.forEachRemaining(g -> rows.add(g.toString()));
    }
    rows.sort(null);
    return rows;
  }

  private List<String> dataFiles() throws IOException {
    Path data = dir.resolve("processed/sales");
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }

  private static List<String> idsOf(List<List<Object>> rows) {
    return rows.stream().map(r -> (String) r.get(0)).sorted().collect(Collectors.toList());
  }

  /** Every row under a dataset directory as DuckDB reads it (Hive partitions), with each column's DuckDB type. */
  static List<List<Object>> duckRows(Path dataset) throws SQLException {
    return duck("SELECT id, typeof(id), country, month, CAST(day AS VARCHAR), typeof(day), epoch_us(\"at\"), "
        + "typeof(\"at\"), CAST(price AS VARCHAR), typeof(price), quantity, typeof(quantity) FROM read_parquet('"
        + dataset + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false) ORDER BY id");
  }

  static List<List<Object>> duck(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("SET autoinstall_known_extensions=false");
      statement.execute("SET autoload_known_extensions=false");
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
