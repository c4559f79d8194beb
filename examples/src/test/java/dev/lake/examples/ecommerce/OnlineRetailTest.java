package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.examples.Duck;
import dev.lake.examples.LakeExamples;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail example end to end on the bundled data, checked with DuckDB against facts from the CSVs. */
class OnlineRetailTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static SourceFacts facts;

  @TempDir
  Path lake;

  @BeforeAll
  static void computeFacts() throws IOException {
    facts = SourceFacts.of(DATA.resolve("online_retail/by-day"));
  }

  private Path dataset() {
    return lake.resolve("processed/online_retail");
  }

  /** Files written but not published: hidden from plain readers (a leading '.', no .parquet suffix). */
  private static List<Path> stagedFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".staged")).toList();
    }
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void ecommerce_bundledData_writesEveryRowWithExactValues() throws Exception {
    int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(status).isZero();
    assertThat(facts.rows).isEqualTo(541_909);
    try (Duck duck = new Duck()) {
      String t = Duck.parquet(dataset());
      assertThat(duck.one("SELECT count(*) FROM " + t)).isEqualTo(facts.rows);
      assertThat(((Number) duck.one("SELECT sum(quantity) FROM " + t)).longValue()).isEqualTo(facts.quantity);
      assertThat((BigDecimal) duck.one("SELECT sum(unit_price) FROM " + t))
          .isEqualByComparingTo(facts.unitPrice);
      assertThat(duck.one("SELECT count(DISTINCT invoice_no) FROM " + t)).isEqualTo((long) facts.invoices.size());
      assertThat(duck.one("SELECT count(*) FROM " + t + " WHERE customer_id IS NULL"))
          .isEqualTo(facts.nullCustomers);
      Map<String, Long> perMonth = new TreeMap<>();
      for (List<Object> r : duck.query("SELECT year, month, count(*) FROM " + t + " GROUP BY ALL")) {
        perMonth.put(r.get(0) + "-" + r.get(1), (Long) r.get(2));
      }
      assertThat(perMonth).isEqualTo(facts.rowsPerMonth);
      List<Object> first = duck.query("SELECT invoice_no, stock_code, description, quantity, invoice_date, "
          + "unit_price, customer_id, country FROM " + t + " WHERE invoice_no = '536365' AND stock_code = '85123A'")
          .get(0);
      assertThat(first).containsExactly("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6,
          java.sql.Timestamp.valueOf(LocalDateTime.of(2010, 12, 1, 8, 26)), new BigDecimal("2.550"), 17850L,
          "United Kingdom");
      assertThat(duck.query("SELECT DISTINCT year, month FROM " + t)).hasSize(13);
    }
    assertThat(dataset().resolve("year=2010/month=12")).isDirectory();
    assertThat(dataset().resolve("year=2011/month=12")).isDirectory();
  }

  @Test
  void ecommerce_runTwice_addsNoDuplicates() throws Exception {
    LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", DATA.toString());
    List<Path> first = parquetFiles(dataset());

    int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(status).isZero();
    // Every input file is in the dataset's split ledger: the re-run reads none, commits nothing, and the directory
    // holds exactly the first commit's files.
    List<Path> committed = Lake.at(lake.toString()).latest("online_retail").orElseThrow().files().stream()
        .map(f -> dataset().resolve(f.path())).sorted().toList();
    assertThat(parquetFiles(dataset())).isEqualTo(committed).isEqualTo(first);
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(dataset()))).isEqualTo(facts.rows);
    }
    assertThat(Lake.at(lake.toString()).history("online_retail")).hasSize(1);
  }

  @Test
  void ecommerce_killedMidwayThenRerun_everyRowExactlyOnce() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LakeExamples.class.getName(), "ecommerce", "--lake", lake.toString(), "--data", DATA.toString(),
        "--max-rows-per-file", "20000")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && child.isAlive()
          && (!Files.isDirectory(dataset()) || stagedFiles(dataset()).size() < 4)) {
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as("the run must still be going when it is killed").isTrue();
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(stagedFiles(dataset())).as("files the killed run finished, staged").hasSizeGreaterThanOrEqualTo(4);
    assertThat(parquetFiles(dataset())).as("none visible to a plain reader").isEmpty();
    assertThat(Lake.at(lake.toString()).latest("online_retail")).as("nothing committed").isEmpty();

    int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", DATA.toString(),
        "--max-rows-per-file", "20000");

    assertThat(status).isZero();
    try (Duck duck = new Duck()) {
      String t = Duck.parquet(dataset());
      assertThat(duck.one("SELECT count(*) FROM " + t)).isEqualTo(facts.rows);
      assertThat(((Number) duck.one("SELECT sum(quantity) FROM " + t)).longValue()).isEqualTo(facts.quantity);
    }
    List<Path> committed = Lake.at(lake.toString()).latest("online_retail").orElseThrow().files().stream()
        .map(f -> dataset().resolve(f.path())).sorted().toList();
    assertThat(parquetFiles(dataset())).as("a plain reader sees the committed files only").isEqualTo(committed);
  }

  @Test
  void ecommerce_corruptedLines_rejectedWithPositionRestWritten(@TempDir Path data) throws Exception {
    Path byDay = Files.createDirectories(data.resolve("online_retail/by-day"));
    Files.copy(DATA.resolve("online_retail/by-day/2010-12-01.csv.gz"), byDay.resolve("2010-12-01.csv.gz"));
    List<String> text = new java.util.ArrayList<>(gunzipLines(DATA.resolve("online_retail/by-day/2010-12-02.csv.gz")));
    text.set(10, text.get(10).replaceFirst(",\\d+,2010-12-02", ",abc,2010-12-02")); // line 11: bad quantity
    text.set(20, "536999,85123A,ONLY SEVEN FIELDS,6,2010-12-02 08:26:00,2.55,17850.0"); // line 21: 7 fields
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(byDay.resolve("2010-12-02.csv.gz")))) {
      out.write((String.join("\n", text) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", data.toString());

    assertThat(status).isZero();
    long total = countRows(byDay);
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(dataset()))).isEqualTo(total - 2);
      List<List<Object>> rejected = duck.query("SELECT position, reason, step FROM read_json_auto('"
          + lake.resolve("rejected/online_retail") + "/**/*.jsonl.gz') ORDER BY position");
      String file = byDay.resolve("2010-12-02.csv.gz").toUri().toString();
      assertThat(rejected).hasSize(2);
      assertThat(rejected.get(0).get(0).toString()).isEqualTo(file + ":11");
      assertThat(rejected.get(0).get(1).toString()).contains("quantity").contains("abc");
      assertThat(rejected.get(1).get(0).toString()).isEqualTo(file + ":21");
      assertThat(rejected.get(1).get(1).toString()).contains("8").contains("7");
      assertThat(rejected.get(0).get(2)).isEqualTo("csv");
    }
  }

  private static long countRows(Path byDay) throws IOException {
    long n = 0;
    try (Stream<Path> s = Files.list(byDay)) {
      for (Path p : s.toList()) {
        n += gunzipLines(p).size() - 1;
      }
    }
    return n;
  }

  private static List<String> gunzipLines(Path gz) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
