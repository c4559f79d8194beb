package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink's explicit schema: the one given, not parsed again at every commit, and the same after serialization. */
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
}
