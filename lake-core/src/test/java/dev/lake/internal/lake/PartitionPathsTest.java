package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PartitionPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "a/b=c", "..", ".", ".hidden", "Zürich", "a b", "%41", "x\\y", "日本", "\n"})
  void segment_anyValue_staysOneDirectoryAndRoundTrips(String value) {
    String segment = PartitionPaths.segment("country", value);

    assertThat(segment).startsWith("country=").doesNotContain("/").doesNotContain("\\");
    String encoded = segment.substring("country=".length());
    assertThat(encoded).doesNotStartWith(".").doesNotContain("=").matches("[A-Za-z0-9_.%-]+");
    assertThat(PartitionPaths.decodeValue(encoded)).isEqualTo(value);
  }

  @Test
  void segment_nullOrEmpty_isHiveDefaultPartition() {
    assertThat(PartitionPaths.segment("k", null)).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
    assertThat(PartitionPaths.segment("k", "")).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
    assertThat(PartitionPaths.decodeValue("__HIVE_DEFAULT_PARTITION__")).isNull();
  }

  @Test
  void segment_plainValues_areReadable() {
    assertThat(PartitionPaths.segment("year", "2011")).isEqualTo("year=2011");
    assertThat(PartitionPaths.segment("price", "1.5")).isEqualTo("price=1.5");
    assertThat(PartitionPaths.segment("country", "United Kingdom")).isEqualTo("country=United%20Kingdom");
  }

  @Test
  void child_escapingValue_staysUnderDatasetDirectory() {
    URI dataset = URI.create("file:///lake/processed/sales/");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("a", "../../x");
    values.put("b", "a/b=c");

    URI file = Locations.child(dataset, PartitionPaths.directory(values) + "/part-0.parquet");

    assertThat(file.normalize().getPath()).startsWith("/lake/processed/sales/");
    assertThat(Locations.relativize(dataset, file)).isEqualTo("a=%2E.%2F..%2Fx/b=a%2Fb%3Dc/part-0.parquet");
    assertThat(PartitionPaths.parse("a=%2E.%2F..%2Fx/b=a%2Fb%3Dc", List.of("a", "b")))
        .containsExactly(Map.entry("a", "../../x"), Map.entry("b", "a/b=c"));
  }

  @Test
  void child_s3Uri_keepsBucket() {
    URI file = Locations.child(URI.create("s3://bucket/lake"), "processed/x/k=a%2Fb/part-0.parquet");

    assertThat(file.getAuthority()).isEqualTo("bucket");
    assertThat(file.getPath()).isEqualTo("/lake/processed/x/k=a%2Fb/part-0.parquet");
  }
}
