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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WriterResult and CommitSummary, the values sinks build: copied in, equal by content, null lists empty. */
class SinkResultValuesTest {
  private static final DataFile FILE = DataFile.builder().path("processed/sales/year=2011/part-r1-0.parquet")
      .partition(Map.of("year", "2011")).rows(1_000).bytes(4_096).commitKey("r1").splits(List.of("split-0")).build();

  private static WriterResult staged() {
    return WriterResult.builder().writerIndex(2).rows(1_000).files(List.of(FILE)).metadata(Map.of("schema", "v2"))
        .staged(Map.of(FILE.path(), StagedObject.builder().target(URI.create("s3://b/" + FILE.path())).bytes(4_096)
            .token(Map.of("uploadId", "u-1")).build())).build();
  }

  @Test
  void writerResult_of_nothingStagedAndBytesOfTheFiles() {
    WriterResult r = WriterResult.of(0, 1_000, List.of(FILE));

    assertThat(r.metadata()).isEmpty();
    assertThat(r.staged()).isEmpty();
    assertThat(r.bytes()).isEqualTo(4_096);
    assertThat(r).isEqualTo(WriterResult.builder().rows(1_000).files(List.of(FILE)).build())
        .isNotEqualTo(WriterResult.of(1, 1_000, List.of(FILE)));
    assertThat(WriterResult.builder().build().files()).isEmpty();
  }

  @Test
  void writerResult_javaSerialized_readsBackEqual() throws IOException, ClassNotFoundException {
    // a Spark task sends it to the driver this way
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(staged());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(staged()).hasSameHashCodeAs(staged());
    }
  }

  @Test
  void writerResult_toBuilder_copiesAndKeepsTheOtherValues() {
    List<DataFile> files = new ArrayList<>(List.of(FILE));
    WriterResult r = WriterResult.builder().rows(1).files(files).build();
    files.clear();

    assertThat(r.files()).containsExactly(FILE);
    assertThatThrownBy(() -> r.files().add(FILE)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(staged().toBuilder().rows(999).build()).isNotEqualTo(staged())
        .satisfies(changed -> assertThat(changed.staged()).isEqualTo(staged().staged()));
    assertThat(WriterResult.of(0, 0, List.of())).hasToString("WriterResult[writerIndex=0, rows=0, files=[], "
        + "metadata={}, staged={}]");
  }

  @Test
  void commitSummary_unchanged_noRowsNoFilesSameVersion() {
    CommitSummary s = CommitSummary.unchanged("lake:processed/sales", 4);

    assertThat(s.unchanged()).isTrue();
    assertThat(s.version()).isEqualTo(4);
    assertThat(s.rows()).isZero();
    assertThat(s.files()).isEmpty();
    assertThat(s.removedFiles()).isEmpty();
    assertThat(s).isEqualTo(CommitSummary.builder().sink("lake:processed/sales").version(4).unchanged(true).build());
  }

  @Test
  void commitSummary_built_equalByContentWithBytesOfTheFiles() {
    CommitSummary s = CommitSummary.builder().sink("lake:processed/sales").version(5).rows(1_000)
        .files(List.of(FILE)).removedFiles(List.of("old.parquet")).build();

    assertThat(s.bytes()).isEqualTo(4_096);
    assertThat(s).isEqualTo(s.toBuilder().build()).hasSameHashCodeAs(s.toBuilder().build())
        .isNotEqualTo(s.toBuilder().removedFiles(null).build());
    assertThat(s.toString()).startsWith("CommitSummary[sink=lake:processed/sales, version=5, rows=1000, files=[")
        .endsWith("removedFiles=[old.parquet], unchanged=false]");
  }
}
