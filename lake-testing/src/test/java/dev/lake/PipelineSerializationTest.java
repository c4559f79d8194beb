package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.testing.InMemorySource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline survives Java serialization (as it must to be shipped to Spark executors) and still runs. */
class PipelineSerializationTest {
  record Reading(String sensor, double value) implements java.io.Serializable {}

  record Labelled(String sensor, double value, String label) {}

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void pipeline_serializedAndRead_runsTheSame() throws Exception {
    List<Reading> readings = IntStream.range(0, 20).mapToObj(i -> new Reading("s" + i % 3, i)).toList();
    Pipeline<Labelled> pipeline = Pipeline.from(InMemorySource.of("readings", readings).withSplits(2))
        .named("readings")
        .filter("positive", r -> r.value() > 0)
        .deduplicate(r -> r.value())
        .lookupJoin(Map.of("s0", "kitchen"), Reading::sensor, (r, label) -> new Labelled(r.sensor(), r.value(),
            label == null ? "unknown" : label))
        .to(Lake.at(dir.toString()).processed("readings").partitionBy("sensor"));

    PipelineResult result = roundTrip(pipeline).run();

    assertThat(result.rowsWritten()).isEqualTo(19);
    List<GenericRecord> rows = Lake.at(dir.toString()).read("readings").readAll();
    assertThat(rows).hasSize(19);
    assertThat(rows).filteredOn(r -> r.get("sensor").equals("s0")).extracting(r -> r.get("label"))
        .containsOnly("kitchen");
  }
}
