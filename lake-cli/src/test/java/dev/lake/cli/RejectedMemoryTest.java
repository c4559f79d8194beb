package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.testing.InMemorySource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code lake rejected} in a child JVM whose heap is a fraction of the rejected rows it reads: it streams them,
 * keeping per group a count and the first {@code --show} rows, so it succeeds and counts every row. A command that
 * held the rows (a list of records) runs out of memory here.
 */
class RejectedMemoryTest {
  private static final int ROWS = 400_000;
  private static final Schema REJECTED = SchemaBuilder.record("RejectedRow").namespace("dev.lake").fields()
      .requiredString("pipeline").requiredString("run_id").requiredString("step").requiredString("reason")
      .requiredString("position").requiredString("value").requiredString("rejected_at").endRecord();

  @Test
  void rejected_moreRowsThanTheHeapHolds_countsEveryRowByGroup() throws Exception {
    Path root = TestLakes.temp("lake-cli-rejected-memory-");
    Lake lake = Lake.at(root.toString());
    List<GenericRecord> rows = IntStream.range(0, ROWS).mapToObj(RejectedMemoryTest::row).toList();
    Pipeline.from(InMemorySource.of("bad-lines", rows)).named("big-load").to(lake.rejected("big")
        .withSchema(REJECTED)).run();

    ChildCli.Output out = ChildCli.lake("rejected", "--lake", root.toString(), "big", "--show", "1");

    assertThat(out.head()).isEqualTo(String.format("rejected/big: %,d rejected rows in 2 groups, from big-load "
        + "r-1", ROWS));
    assertThat(out.tail()).isEqualTo(String.format("… and %,d more", ROWS / 4 - 1));
  }

  /** Three in four rows fail to parse, one in four is too long; each with its own position and line. */
  private static GenericRecord row(int i) {
    GenericData.Record r = new GenericData.Record(REJECTED);
    r.put("pipeline", "big-load");
    r.put("run_id", "r-1");
    r.put("step", "parse");
    r.put("reason", i % 4 == 0 ? "line longer than 64 KB" : "Malformed JSON: Unexpected end-of-input");
    r.put("position", "file:///data/events.json:" + (i + 1));
    r.put("value", "{\"user\":" + i + ",\"page\":\"NextSong\",\"agent\":\"Mozilla/5.0 (Windows NT 6.1; WOW64)\"");
    r.put("rejected_at", "2026-12-07T10:00:00Z");
    return r;
  }
}
