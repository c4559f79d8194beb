package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.internal.lake.LakeDataset;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink's explicit schema: the one given, not parsed again at every commit, and the same after serialization; the
 * engine's description of the sink ({@link LakeDataset}) keeps every setting and the schema through serialization too.
 */
class LakeSinkSchemaTest {
  @TempDir
  Path dir;

  private static final Schema ROW = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Row\","
      + "\"namespace\":\"dev.lake.test\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

  @Test
  void schema_given_isThatSchemaEveryTime() {
    LakeSink<Object> sink = Lake.at(dir.toString()).processed("rows").withSchema(ROW);

    assertThat(sink.schema()).isSameAs(ROW);
    assertThat(sink.schema()).isSameAs(sink.schema());
  }

  @Test
  void schema_afterSerializationOrAnotherSetting_parsedOnceAndEqual() throws Exception {
    LakeSink<Object> sink = Lake.at(dir.toString()).processed("rows").withSchema(ROW);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sink);
    }
    @SuppressWarnings("unchecked")
    LakeSink<Object> copy = (LakeSink<Object>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
        .readObject();
    LakeSink<Object> partitioned = sink.partitionBy("id");

    assertThat(copy.schema()).isEqualTo(ROW).isSameAs(copy.schema());
    assertThat(copy.schema().toString()).isEqualTo(ROW.toString());
    assertThat(partitioned.schema()).isEqualTo(ROW).isSameAs(partitioned.schema());
    assertThat(Lake.at(dir.toString()).processed("rows").schema()).isNull();
  }

  @Test
  void toDataset_afterSerialization_everySettingAndTheSchema() throws Exception {
    LakeSink<Object> sink = Lake.at(dir.toString()).processed("rows").withSchema(ROW).partitionBy("id")
        .format(FileFormat.AVRO).compression(Compression.ZSTD).mode(WriteMode.OVERWRITE_PARTITIONS)
        .targetFileBytes(1 << 20).maxRowsPerFile(500).coalesceSmallFiles();

    LakeDataset copy = (LakeDataset) roundTrip(sink.toDataset());

    assertThat(sink.toDataset().schema()).as("the sink's schema, not parsed again").isSameAs(ROW);

    assertThat(copy.name()).isEqualTo("lake:processed/rows");
    assertThat(copy.lake().root()).isEqualTo(Lake.at(dir.toString()).root());
    assertThat(copy.dataset()).isEqualTo("processed/rows");
    assertThat(List.of(copy.format(), copy.compression())).containsExactly(FileFormat.AVRO, Compression.ZSTD);
    assertThat(copy.partitionBy()).containsExactly("id");
    assertThat(copy.mode()).isEqualTo("OVERWRITE_PARTITIONS");
    assertThat(copy.appends()).isFalse();
    assertThat(List.of(copy.targetFileBytes(), copy.maxRowsPerFile())).containsExactly(1L << 20, 500L);
    assertThat(copy.maxOpenFiles()).isEqualTo(sink.maxOpenFiles());
    assertThat(copy.coalescesSmallFiles()).isTrue();
    assertThat(copy.schema()).isEqualTo(ROW).isSameAs(copy.schema());
    LakeDataset plain = (LakeDataset) roundTrip(Lake.at(dir.toString()).processed("rows").toDataset());
    assertThat(plain.appends()).isTrue();
    assertThat(plain.mode()).isEqualTo("APPEND");
    assertThat(plain.schema()).isNull();
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
  }
}
