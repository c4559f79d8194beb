package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Pipeline;
import dev.lake.exceptions.SchemaException;
import dev.lake.io.NamedSplits;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden partitioning: day(ts) and bucket(n, col) partitions, pruned by a filter on the columns themselves. */
class IcebergPartitionTransformsTest {
  @TempDir
  Path dir;

  record Event(String id, LocalDateTime at, Long customer) {}

  @Test
  void dayAndBucketPartitions_prunedByFiltersOnTheColumns() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    LocalDateTime start = LocalDateTime.of(2011, 12, 1, 8, 0);
    List<Event> events = IntStream.range(0, 300)
        .mapToObj(i -> new Event("e" + i, start.plusHours(i), i % 7 == 0 ? null : (long) (i % 50))).toList();
    Pipeline.from(NamedSplits.of(Map.of("events", events))).named("events")
        .to(catalog.<Event>table("t.events").partitionBy("day(at)", "bucket(4, customer)")).run();

    Table table = catalog.load("t.events");
    assertThat(table.spec().fields()).extracting(f -> f.name()).containsExactly("at_day", "customer_bucket");
    assertThat(IcebergTableReader.rows(table)).hasSize(300);
    List<String> dec5 = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(Expressions.and(
        Expressions.greaterThanOrEqual("at", micros(LocalDateTime.of(2011, 12, 5, 0, 0))),
        Expressions.lessThan("at", micros(LocalDateTime.of(2011, 12, 6, 0, 0))))).planFiles()) {
      tasks.forEach(t -> dec5.add(t.file().location()));
    }
    assertThat(dec5).isNotEmpty().allMatch(p -> p.contains("/at_day=2011-12-05/"));
    long rowsOnDec5 = events.stream().filter(e -> e.at().getDayOfMonth() == 5).count();
    assertThat(dec5.stream().mapToLong(p -> IcebergTableReader.rowsOf(p)).sum()).isEqualTo(rowsOnDec5);
  }

  private static long micros(LocalDateTime t) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
  }

  @Test
  void unknownTransform_isRefusedNamingTheChoices() {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    assertThatThrownBy(() -> Pipeline.from(NamedSplits.of(Map.of("e", List.of(new Event("1", LocalDateTime.now(),
        1L))))).named("events").to(catalog.<Event>table("t.events").partitionBy("week(at)")).run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("Unknown partition transform 'week'")
        .hasMessageContaining("bucket(n, col)");
  }
}
