package dev.lake.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.CompactionResult;
import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.io.DataFile;
import dev.lake.testing.InMemorySource;
import dev.lake.io.ObjectStores;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Compaction and runs of no rows on an s3:// root (s3proxy in process). */
class S3CompactionTest {
  static S3Client s3;
  static S3ObjectStore store;
  static String bucket;

  record Event(String id, String country, LocalDate day, long amount) {}

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

  static List<Event> events(int from, int to) {
    String[] countries = {"United Kingdom", "a/b=c", ""};
    return IntStream.range(from, to)
        .mapToObj(i -> new Event("e" + i, countries[i % 3], LocalDate.of(2011, 1 + i % 3, 1), i)).toList();
  }

  static List<String> rows(Lake lake) throws IOException {
    return S3LakeTest.readAll(lake.read("events")).stream().map(GenericRecord::toString).sorted().toList();
  }

  private static List<String> keysUnder(String prefix) {
    return S3Proxies.keys(s3, bucket).stream().filter(k -> k.startsWith(prefix)).sorted().toList();
  }

  @Test
  void compact_smallFilesOnS3_sameRowsOneFilePerPartitionAndOnlyThoseInThePrefix() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/compact1");
    LakeSink<Object> sink = lake.processed("events").partitionBy("country");
    for (int r = 0; r < 4; r++) {
      Pipeline.from(InMemorySource.of("in-" + r, events(r * 30, r * 30 + 30)).withSplits(2)).named("events")
          .to(sink).run();
    }
    DatasetVersion before = lake.latest("events").orElseThrow();
    List<String> rowsBefore = rows(lake);

    CompactionResult result = lake.compact("events");

    DatasetVersion after = lake.latest("events").orElseThrow();
    assertThat(before.files().size()).isGreaterThanOrEqualTo(12);
    assertThat(after.files()).hasSize(3);
    assertThat(result.filesBefore()).isEqualTo(before.files().size());
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(rows(lake)).isEqualTo(rowsBefore).hasSize(120);
    assertThat(rowsBefore.stream().map(r -> r.substring(0, r.indexOf(',')))).doesNotHaveDuplicates();
    assertThat(keysUnder("compact1/processed/events/")).as("plain readers of the prefix see one copy")
        .isEqualTo(after.files().stream().map(f -> "compact1/processed/events/" + f.path()).sorted().toList());
    assertThat(keysUnder("compact1/_lake/runs/compact.processed.events/")).hasSize(1);
    assertThat(S3Proxies.uploads(s3, bucket)).isEmpty();
  }

  @Test
  void run_noRowsOnS3_appendCommitsNothingAndOverwriteEmpties() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/empty1");
    LakeSink<Object> sink = lake.processed("events").partitionBy("country");
    Pipeline.from(InMemorySource.of("a", events(0, 9))).named("events").to(sink).run();
    List<String> keys = keysUnder("empty1/processed/");

    PipelineResult none = Pipeline.from(InMemorySource.of("b", events(0, 0))).named("events").to(sink).run();

    assertThat(none.sinks().get(0).unchanged()).isTrue();
    assertThat(lake.history("events")).hasSize(1);
    assertThat(keysUnder("empty1/processed/")).isEqualTo(keys);
    assertThat(keysUnder("empty1/_lake/runs/events/")).hasSize(2);

    Pipeline.from(InMemorySource.of("c", events(0, 0))).named("events").to(sink.mode(WriteMode.OVERWRITE)).run();

    assertThat(lake.history("events")).hasSize(2);
    assertThat(lake.latest("events").orElseThrow().files()).isEmpty();
    assertThat(keysUnder("empty1/processed/")).isEmpty();
    assertThat(rows(lake)).isEmpty();
  }

  @Test
  void compact_afterAppendsOnS3_keepsEveryCommitsFilesAcrossVersions() throws IOException {
    Lake lake = Lake.at("s3://" + bucket + "/compact2");
    LakeSink<Object> sink = lake.processed("events");
    for (int r = 0; r < 3; r++) {
      Pipeline.from(InMemorySource.of("in-" + r, events(r * 10, r * 10 + 10))).named("events").to(sink).run();
    }
    lake.compact("events");
    Pipeline.from(InMemorySource.of("in-3", events(30, 40))).named("events").to(sink).run();

    DatasetVersion m = lake.latest("events").orElseThrow();
    assertThat(m.files()).hasSize(2).extracting(DataFile::rows).containsExactlyInAnyOrder(30L, 10L);
    assertThat(rows(lake)).hasSize(40);
    assertThat(m.files().stream().flatMap(f -> f.splits().stream()).distinct()).as("the split ledger").hasSize(4);
    assertThat(m.files()).filteredOn(f -> f.rows() == 30).singleElement()
        .satisfies(f -> assertThat(f.splits()).as("the compacted file holds the splits of the three runs").hasSize(3));
    assertThat(keysUnder("compact2/_lake/retired/processed/events/")).as("the replaced files wait there").hasSize(3);
  }
}
