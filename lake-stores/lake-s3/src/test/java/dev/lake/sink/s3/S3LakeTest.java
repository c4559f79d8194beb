package dev.lake.sink.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.testing.InMemorySource;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.source.files.CsvSource;
import dev.lake.source.files.JsonSource;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Lake features on an s3:// root: partitioned Parquet, manifests, re-runs, reading back, CSV sources. */
class S3LakeTest {
  static S3Client s3;
  static S3ObjectStore store;
  static String bucket;

  record Event(String id, String country, LocalDate day, long amount) {}

  record Sale(String invoice, int quantity, String country) {}

  @BeforeAll
  static void start() {
    s3 = S3Proxies.client();
    bucket = S3Proxies.bucket(s3);
    store = S3ObjectStore.builder().client(s3).build();
    ObjectStores.register(URI.create("s3://" + bucket), store);
  }

  @AfterAll
  static void stop() throws IOException {
    store.close();
    s3.close();
  }

  static List<Event> events(int n) {
    String[] countries = {"United Kingdom", "France", "../../x", "a/b=c", ""};
    return IntStream.range(0, n)
        .mapToObj(i -> new Event("e" + i, countries[i % countries.length], LocalDate.of(2011, 1 + i % 3, 1), i))
        .toList();
  }

  static <T> List<T> readAll(Source<T> source) throws IOException {
    List<T> rows = new ArrayList<>();
    try (SourceReader<T> r = source.open(SourceContext.standalone())) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void run_partitionedParquetOnS3_readsBackEveryRowOnceAfterRerun() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/lake1");
    Pipeline<Event> p = Pipeline.from(InMemorySource.of("events", events(200)).withSplits(3)).named("events")
        .to(lake.processed("events").partitionBy("country"));

    PipelineResult first = p.run();
    List<String> keysAfterFirst = S3Proxies.keys(s3, bucket);
    PipelineResult second = p.run();

    assertThat(first.rowsWritten()).isEqualTo(200);
    assertThat(second.reconciles()).isTrue();
    List<GenericRecord> rows = readAll(lake.read("events"));
    assertThat(rows).hasSize(200);
    assertThat(rows.stream().map(r -> r.get("id").toString()).distinct()).hasSize(200);
    assertThat(rows.stream().map(r -> String.valueOf(r.get("country"))).distinct())
        .contains("United Kingdom", "../../x", "a/b=c");
    assertThat(second.splitsSkipped()).isEqualTo(3);
    assertThat(lake.history("events")).as("the re-run commits nothing").hasSize(1);
    // The prefix holds exactly the files of the newest commit: a plain reader (Athena, a glob) sees one copy.
    List<String> committed = lake.latest("events").orElseThrow().files().stream()
        .map(f -> "lake1/processed/events/" + f.path()).toList();
    assertThat(S3Proxies.keys(s3, bucket).stream().filter(k -> k.startsWith("lake1/processed/events/")))
        .as("plain readers of the prefix see one copy").containsExactlyInAnyOrderElementsOf(committed);
    assertThat(keysAfterFirst).isNotEmpty();
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void run_hostilePartitionValues_everyKeyStaysUnderTheDatasetPrefix() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/lake2");

    Pipeline.from(InMemorySource.of("events", events(20))).named("hostile")
        .to(lake.processed("ds").partitionBy("country")).run();

    List<String> keys = S3Proxies.keys(s3, bucket).stream().filter(k -> k.startsWith("lake2/")).toList();
    assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith("lake2/processed/ds/") || k.startsWith("lake2/_lake/"));
    List<String> data = keys.stream().filter(k -> k.startsWith("lake2/processed/ds/")).toList();
    assertThat(data).allSatisfy(k -> {
      String partition = k.substring("lake2/processed/ds/".length());
      assertThat(partition.split("/")).as("one partition directory, then the file: %s", k).hasSize(2);
      assertThat(partition.split("/")).as("no '.' or '..' segment: %s", k).doesNotContain(".", "..");
    });
    assertThat(data).anyMatch(k -> k.startsWith("lake2/processed/ds/country=a%2Fb%3Dc/"));
    assertThat(readAll(lake.read("ds"))).hasSize(20);
  }

  @Test
  void run_nonAsciiAndEscapedPartitionValues_keysNamedAsHiveNamesThemAndReadBack() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/lake3");
    List<String> countries = List.of("Zürich", "100%", "São Paulo \uD83D\uDE00", "__HIVE_DEFAULT_PARTITION__");
    List<Event> events = IntStream.range(0, countries.size())
        .mapToObj(i -> new Event("e" + i, countries.get(i), LocalDate.of(2011, 1, 1), i)).toList();

    Pipeline.from(InMemorySource.of("events", events)).named("names")
        .to(lake.processed("ds").partitionBy("country")).run();

    List<String> keys = S3Proxies.keys(s3, bucket).stream().filter(k -> k.startsWith("lake3/processed/ds/")).toList();
    assertThat(keys).anyMatch(k -> k.startsWith("lake3/processed/ds/country=Zürich/"))
        .anyMatch(k -> k.startsWith("lake3/processed/ds/country=100%25/"))
        .anyMatch(k -> k.startsWith("lake3/processed/ds/country=São Paulo \uD83D\uDE00/"))
        .anyMatch(k -> k.startsWith("lake3/processed/ds/country=%5F_HIVE_DEFAULT_PARTITION__/"));
    assertThat(readAll(lake.read("ds"))).extracting(r -> String.valueOf(r.get("country")))
        .containsExactlyInAnyOrderElementsOf(countries);
  }

  @Test
  void jsonSource_documentsAndGzippedJsonLinesOnS3_readsEveryRowWithPositions() throws IOException {
    for (int f = 0; f < 3; f++) {
      store.write(URI.create("s3://" + bucket + "/songs/A/" + f + ".json"),
          ("{\n  \"invoice\": \"doc-" + f + "\",\n  \"quantity\": " + f + ",\n  \"country\": \"Spain\"\n}")
              .getBytes(UTF_8));
    }
    try (ObjectWriter w = store.newWriter(URI.create("s3://" + bucket + "/songs/B/events.jsonl.gz"));
        GZIPOutputStream gz = new GZIPOutputStream(w)) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        lines.append("{\"invoice\":\"line-").append(i).append("\",\"quantity\":").append(i % 5)
            .append(",\"country\":\"Italy\"}\n");
      }
      lines.append("{\"invoice\": broken\n");
      gz.write(lines.toString().getBytes(UTF_8));
      gz.finish();
      w.commit();
    }
    Lake lake = Lake.at("s3://" + bucket + "/lake4");

    PipelineResult r = Pipeline.from(JsonSource.of(Sale.class).from("s3://" + bucket + "/songs/**/*.json*"))
        .named("json-sales").to(lake.processed("json_sales"))
        .onBadRows(dev.lake.BadRowPolicy.collect(10)).run();

    assertThat(r.rowsWritten()).isEqualTo(503);
    assertThat(r.badRows()).singleElement().satisfies(b ->
        assertThat(b.position()).isEqualTo("s3://" + bucket + "/songs/B/events.jsonl.gz:501"));
    assertThat(readAll(lake.read("json_sales", Sale.class))).hasSize(503)
        .contains(new Sale("doc-2", 2, "Spain"), new Sale("line-499", 4, "Italy"));
  }

  @Test
  void csvSource_gzippedCsvOnS3_readsEveryRowThroughAGlob() throws IOException {
    for (int f = 0; f < 3; f++) {
      try (ObjectWriter w = store.newWriter(URI.create("s3://" + bucket + "/in/day-" + f + ".csv.gz"));
          GZIPOutputStream gz = new GZIPOutputStream(w)) {
        StringBuilder csv = new StringBuilder("invoice,quantity,country\n");
        for (int i = 0; i < 1000; i++) {
          csv.append(f).append('-').append(i).append(',').append(i % 7).append(",France\n");
        }
        gz.write(csv.toString().getBytes(UTF_8));
        gz.finish();
        w.commit();
      }
    }
    store.write(URI.create("s3://" + bucket + "/in/notes.txt"), "not csv".getBytes(UTF_8));
    Lake lake = Lake.at("s3://" + bucket + "/lake3");

    PipelineResult r = Pipeline.from(CsvSource.of(Sale.class).from("s3://" + bucket + "/in/*.csv.gz"))
        .named("sales").to(lake.processed("sales")).run();

    assertThat(r.rowsIn()).isEqualTo(3000);
    assertThat(readAll(lake.read("sales", Sale.class))).hasSize(3000)
        .contains(new Sale("2-999", 999 % 7, "France"));
  }
}
