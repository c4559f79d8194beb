package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DataFile and StagedObject, the values a manifest lists: copied in, equal by content, Java-serializable. */
class FileValuesTest {
  private static DataFile file() {
    Map<String, String> partition = new LinkedHashMap<>();
    partition.put("year", "2011");
    partition.put("month", "1");
    return DataFile.builder().path("year=2011/month=1/part-r1-00000.parquet").partition(partition).rows(1_000)
        .bytes(4_096).commitKey("r1").splits(List.of("split-0", "split-1")).build();
  }

  private static StagedObject staged() {
    return StagedObject.builder().target(URI.create("s3://b/year=2011/part-r1-00000.parquet")).bytes(4_096)
        .token(Map.of("uploadId", "u-1")).build();
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

  @Test
  void dataFile_builtFromCopies_laterChangesToTheInputsDoNotShow() {
    Map<String, String> partition = new LinkedHashMap<>(Map.of("year", "2011"));
    List<String> splits = new ArrayList<>(List.of("split-0"));
    DataFile f = DataFile.builder().path("p.parquet").partition(partition).splits(splits).build();
    partition.put("month", "2");
    splits.clear();

    assertThat(f.partition()).containsExactly(Map.entry("year", "2011"));
    assertThat(f.splits()).containsExactly("split-0");
    assertThatThrownBy(() -> f.partition().put("day", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> f.splits().add("split-9")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void dataFile_partition_keepsItsOrderAndNullValues() {
    Map<String, String> partition = new LinkedHashMap<>();
    partition.put("year", "2011");
    partition.put("month", null);
    partition.put("day", "4");

    assertThat(DataFile.builder().partition(partition).build().partition().keySet())
        .containsExactly("year", "month", "day");
    assertThat(DataFile.builder().partition(partition).build().partition()).containsEntry("month", null);
  }

  @Test
  void dataFile_nullOrUnsetPartitionAndSplits_empty() {
    DataFile f = DataFile.builder().path("p.parquet").partition(null).splits(null).build();

    assertThat(f.partition()).isEmpty();
    assertThat(f.splits()).isEmpty();
    assertThat(DataFile.builder().build().partition()).isEmpty();
  }

  @Test
  void dataFile_of_noSplitsElseAsBuilt() {
    DataFile f = DataFile.of("p.parquet", Map.of("year", "2011"), 10, 100, null);

    assertThat(f).isEqualTo(DataFile.builder().path("p.parquet").partition(Map.of("year", "2011")).rows(10)
        .bytes(100).build());
    assertThat(f.splits()).isEmpty();
    assertThat(f.commitKey()).isNull();
  }

  @Test
  void dataFile_equalByContent_eachValueCounts() {
    DataFile f = file();

    assertThat(f).isEqualTo(file()).hasSameHashCodeAs(file()).isEqualTo(f.toBuilder().build());
    assertThat(List.of(f.toBuilder().path("other.parquet").build(), f.toBuilder().partition(Map.of()).build(),
        f.toBuilder().rows(999).build(), f.toBuilder().bytes(1).build(), f.toBuilder().commitKey("r2").build(),
        f.toBuilder().commitKey(null).build(), f.withSplits(List.of("split-0")))).allSatisfy(
            other -> assertThat(other).isNotEqualTo(f));
    assertThat(f).isNotEqualTo(null).isNotEqualTo(f.path());
  }

  @Test
  void dataFile_withSplits_changesOnlyTheSplits() {
    DataFile f = file().withSplits(List.of("split-7"));

    assertThat(f.splits()).containsExactly("split-7");
    assertThat(f.toBuilder().splits(file().splits()).build()).isEqualTo(file());
  }

  @Test
  void dataFile_toString_theRecordsFormat() {
    assertThat(file()).hasToString("DataFile[path=year=2011/month=1/part-r1-00000.parquet, "
        + "partition={year=2011, month=1}, rows=1000, bytes=4096, commitKey=r1, splits=[split-0, split-1]]");
  }

  @Test
  void dataFile_javaSerialized_readsBackEqualWithUnmodifiableCopies() throws Exception {
    // a Spark task sends its files to the driver this way, inside its WriterResult
    DataFile back = roundTrip(file());

    assertThat(back).isEqualTo(file()).hasSameHashCodeAs(file()).hasToString(file().toString());
    assertThat(back.partition().keySet()).containsExactly("year", "month");
    assertThatThrownBy(() -> back.splits().add("split-9")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(roundTrip(DataFile.builder().build())).isEqualTo(DataFile.builder().build());
  }

  @Test
  void stagedObject_builtFromACopy_equalByContent() {
    Map<String, String> token = new HashMap<>(Map.of("uploadId", "u-1"));
    StagedObject s = StagedObject.builder().target(URI.create("s3://b/k")).bytes(7).token(token).build();
    token.put("etags", "e1");

    assertThat(s.token()).containsExactly(Map.entry("uploadId", "u-1"));
    assertThatThrownBy(() -> s.token().put("etags", "e1")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(staged()).isEqualTo(staged()).hasSameHashCodeAs(staged()).isEqualTo(staged().toBuilder().build())
        .isNotEqualTo(staged().toBuilder().bytes(1).build())
        .isNotEqualTo(staged().toBuilder().target(URI.create("s3://b/other")).build())
        .isNotEqualTo(staged().toBuilder().token(Map.of()).build());
    assertThat(staged()).hasToString("StagedObject[target=s3://b/year=2011/part-r1-00000.parquet, bytes=4096, "
        + "token={uploadId=u-1}]");
  }

  @Test
  void stagedObject_withoutTargetOrToken_failsNamingIt() {
    assertThatThrownBy(() -> StagedObject.builder().token(Map.of()).build()).isInstanceOf(NullPointerException.class)
        .hasMessage("target");
    assertThatThrownBy(() -> StagedObject.builder().target(URI.create("s3://b/k")).build())
        .isInstanceOf(NullPointerException.class).hasMessage("token");
  }

  @Test
  void stagedObject_javaSerialized_readsBackEqual() throws Exception {
    // a commit carries the handles a writer staged; any process may publish them later
    StagedObject back = roundTrip(staged());

    assertThat(back).isEqualTo(staged()).hasSameHashCodeAs(staged()).hasToString(staged().toString());
    assertThatThrownBy(() -> back.token().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
