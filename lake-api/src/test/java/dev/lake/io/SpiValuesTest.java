package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/**
 * The SPI's small values that were records (BadRow, ColumnMetrics, FileMetrics, CommitContext, WriterContext,
 * ObjectInfo, WriteSpec, SplitLedger.Cursors, TableSnapshot.File): the records' normalisation, equality by content,
 * the records' toString, and Java serialization from streams the records wrote. The files under
 * {@code record-era/} were written by the records of {@code api-baseline/lake-api.jar} (before they became classes).
 */
class SpiValuesTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:15:00Z");
  private static final Schema SCHEMA = SchemaBuilder.record("Sale").fields().requiredLong("quantity").endRecord();

  private static Object recordEra(String name) throws IOException, ClassNotFoundException {
    try (InputStream file = SpiValuesTest.class.getResourceAsStream("record-era/" + name);
        ObjectInputStream in = new ObjectInputStream(file)) {
      return in.readObject();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static FileMetrics metrics() {
    return FileMetrics.of(1000, List.of(
        ColumnMetrics.builder().path("quantity").fieldId(3).valueCount(1000).nullCount(2).compressedBytes(4096)
            .lower(1L).upper(80995L).build(),
        ColumnMetrics.builder().path("address.city").valueCount(1000).compressedBytes(2048).build()));
  }

  @Test
  void badRow_nullPositionAndValueEmpty_stepAndReasonRequired() {
    BadRow row = BadRow.of("sink", "too long", null, null);

    assertThat(row.position()).isEmpty();
    assertThat(row.value()).isEmpty();
    assertThat(row).hasToString("sink rejected a row: too long");
    assertThatThrownBy(() -> BadRow.of(null, "r", "", "")).isInstanceOf(NullPointerException.class).hasMessage("step");
    assertThatThrownBy(() -> BadRow.of("s", null, "", "")).isInstanceOf(NullPointerException.class)
        .hasMessage("reason");
  }

  @Test
  void badRow_equalByContent_eachValueCounts() {
    BadRow row = BadRow.of("csv", "bad", "f.csv:1", "1,x");

    assertThat(row).isEqualTo(BadRow.of("csv", "bad", "f.csv:1", "1,x"))
        .hasSameHashCodeAs(BadRow.of("csv", "bad", "f.csv:1", "1,x"));
    assertThat(List.of(BadRow.of("json", "bad", "f.csv:1", "1,x"), BadRow.of("csv", "worse", "f.csv:1", "1,x"),
        BadRow.of("csv", "bad", "f.csv:2", "1,x"), BadRow.of("csv", "bad", "f.csv:1", "1,y")))
        .allSatisfy(other -> assertThat(other).isNotEqualTo(row));
  }

  @Test
  void badRow_writtenByTheRecord_readsBackEqual() throws Exception {
    assertThat(recordEra("bad-row.ser"))
        .isEqualTo(BadRow.of("csv", "quantity: \"x\" is not a number", "file:///d.csv:17", "1,x"));
    // the record kept "" for null; the stream holds "", and reads back through the same check
    assertThat(recordEra("bad-row-no-position.ser")).isEqualTo(BadRow.of("sink", "too long", null, null));
    assertThat(roundTrip(BadRow.of("csv", "bad", null, "1,x"))).isEqualTo(BadRow.of("csv", "bad", "", "1,x"));
  }

  @Test
  void fileMetrics_writtenByTheRecord_readsBackEqualWithTheRecordsToString() throws Exception {
    Object back = recordEra("file-metrics.ser");

    assertThat(back).isEqualTo(metrics()).hasSameHashCodeAs(metrics());
    assertThat(back).hasToString("FileMetrics[rows=1000, columns=[ColumnMetrics[path=quantity, fieldId=3, "
        + "valueCount=1000, nullCount=2, compressedBytes=4096, lower=1, upper=80995], ColumnMetrics[path=address.city, "
        + "fieldId=-1, valueCount=1000, nullCount=-1, compressedBytes=2048, lower=null, upper=null]]]");
    assertThatThrownBy(() -> ((FileMetrics) back).columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(roundTrip(metrics())).isEqualTo(metrics());
  }

  @Test
  void fileMetrics_columnsCopied_nullRefused() {
    List<ColumnMetrics> columns = new ArrayList<>(metrics().columns());
    FileMetrics m = FileMetrics.of(1000, columns);
    columns.clear();

    assertThat(m.columns()).hasSize(2);
    assertThatThrownBy(() -> FileMetrics.of(0, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void columnMetrics_equalByContent_eachValueCounts() {
    ColumnMetrics c = metrics().columns().get(0);

    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(List.of(c.toBuilder().path("p").build(), c.toBuilder().fieldId(4).build(),
        c.toBuilder().valueCount(1).build(), c.toBuilder().nullCount(-1).build(),
        c.toBuilder().compressedBytes(1).build(), c.toBuilder().lower(0L).build(), c.toBuilder().upper(null).build()))
        .allSatisfy(other -> assertThat(other).isNotEqualTo(c));
  }

  @Test
  void commitContext_cursorsCopied_nullEmpty_ofStartsNow() {
    Map<String, String> cursors = new HashMap<>(Map.of("page", "42"));
    CommitContext ctx = CommitContext.builder().pipeline("p").commitKey("k").runId("r").startedAt(T0)
        .cursors(cursors).build();
    cursors.put("page", "43");
    Instant before = Instant.now();

    CommitContext now = CommitContext.of("p", "k", "r");

    assertThat(ctx.cursors()).containsExactly(Map.entry("page", "42"));
    assertThat(ctx.toBuilder().cursors(null).build().cursors()).isEmpty();
    assertThat(now.startedAt()).isBetween(before, Instant.now());
    assertThat(now.cursors()).isEmpty();
    assertThat(ctx).isEqualTo(ctx.toBuilder().build()).hasSameHashCodeAs(ctx.toBuilder().build())
        .isNotEqualTo(ctx.toBuilder().runId("r2").build()).isNotEqualTo(ctx.toBuilder().startedAt(null).build())
        .hasToString("CommitContext[pipeline=p, commitKey=k, runId=r, startedAt=2026-12-07T10:15:00Z, "
            + "cursors={page=42}]");
  }

  @Test
  void writerContext_rejectsGoWhereTold_defaultRejectsThrow() {
    List<BadRow> rejected = new ArrayList<>();
    Consumer<BadRow> rejects = rejected::add;
    WriterContext ctx = WriterContext.builder().commitKey("run-1").writerIndex(2).startedAt(T0).rejects(rejects)
        .build();
    BadRow row = BadRow.of("sink", "too long", "", "");

    ctx.reject(row);

    assertThat(rejected).containsExactly(row);
    assertThat(ctx.attemptId()).isEqualTo("run-1");
    assertThat(ctx).isEqualTo(ctx.toBuilder().build()).isNotEqualTo(ctx.toBuilder().writerIndex(3).build());
    assertThat(ctx.toString()).startsWith("WriterContext[commitKey=run-1, writerIndex=2, "
        + "startedAt=2026-12-07T10:15:00Z, rejects=");
    assertThatThrownBy(() -> WriterContext.of("run-1", 0).reject(row))
        .isInstanceOf(dev.lake.exceptions.BadRowException.class).hasMessage("sink rejected a row: too long");
  }

  @Test
  void objectInfo_ofAndFileName() {
    ObjectInfo info = ObjectInfo.of(URI.create("s3://b/year=2011/part-0.parquet"), 4096, T0);

    assertThat(info.fileName()).isEqualTo("part-0.parquet");
    assertThat(info).isEqualTo(ObjectInfo.of(URI.create("s3://b/year=2011/part-0.parquet"), 4096, T0))
        .isNotEqualTo(ObjectInfo.of(info.uri(), 1, T0))
        .hasToString("ObjectInfo[uri=s3://b/year=2011/part-0.parquet, size=4096, lastModified=2026-12-07T10:15:00Z]");
  }

  @Test
  void writeSpec_defaultsAsTheRecords() {
    WriteSpec parquet = WriteSpec.of(FileFormat.PARQUET, null, SCHEMA, GenericData.get());

    assertThat(parquet.compression()).isEqualTo(Compression.SNAPPY);
    assertThat(parquet.rowGroupBytes()).isEqualTo(WriteSpec.DEFAULT_ROW_GROUP_BYTES);
    assertThat(parquet.toBuilder().format(FileFormat.JSON_LINES).compression(null).build().suffix())
        .isEqualTo(".jsonl.gz");
    assertThat(parquet.toBuilder().format(FileFormat.CSV).compression(null).build().compression())
        .isEqualTo(Compression.NONE);
    assertThat(parquet.toBuilder().rowGroupBytes(-1).build()).isEqualTo(parquet).hasSameHashCodeAs(parquet);
    assertThat(parquet.toBuilder().rowGroupBytes(1 << 20).build().rowGroupBytes()).isEqualTo(1 << 20);
    assertThat(parquet.toString()).startsWith("WriteSpec[format=PARQUET, compression=SNAPPY, schema=")
        .endsWith(", rowGroupBytes=33554432]");
  }

  @Test
  void writeSpec_withoutFormatSchemaOrModel_failsNamingIt() {
    assertThatThrownBy(() -> WriteSpec.builder().schema(SCHEMA).model(GenericData.get()).build())
        .isInstanceOf(NullPointerException.class).hasMessage("format");
    assertThatThrownBy(() -> WriteSpec.builder().format(FileFormat.AVRO).model(GenericData.get()).build())
        .isInstanceOf(NullPointerException.class).hasMessage("schema");
    assertThatThrownBy(() -> WriteSpec.builder().format(FileFormat.AVRO).schema(SCHEMA).build())
        .isInstanceOf(NullPointerException.class).hasMessage("model");
  }

  @Test
  void cursorsAndSnapshotFile_equalByContent_theRecordsToString() {
    Map<String, String> values = new HashMap<>(Map.of("page", "42"));
    SplitLedger.Cursors cursors = SplitLedger.Cursors.of("run-1", T0, values);
    values.clear();
    TableSnapshot.File file = TableSnapshot.File.of("s3://b/t/data/0.parquet", 10, 100);

    assertThat(cursors.values()).containsExactly(Map.entry("page", "42"));
    assertThat(cursors).isEqualTo(SplitLedger.Cursors.of("run-1", T0, Map.of("page", "42")))
        .isNotEqualTo(SplitLedger.Cursors.of("run-2", T0, Map.of("page", "42")))
        .hasToString("Cursors[runId=run-1, committedAt=2026-12-07T10:15:00Z, values={page=42}]");
    assertThatThrownBy(() -> SplitLedger.Cursors.of("run-1", T0, null)).isInstanceOf(NullPointerException.class);
    assertThat(file).isEqualTo(TableSnapshot.File.of("s3://b/t/data/0.parquet", 10, 100))
        .hasSameHashCodeAs(TableSnapshot.File.of("s3://b/t/data/0.parquet", 10, 100))
        .isNotEqualTo(TableSnapshot.File.of("s3://b/t/data/0.parquet", 10, 101))
        .hasToString("File[path=s3://b/t/data/0.parquet, rows=10, bytes=100]");
  }
}
