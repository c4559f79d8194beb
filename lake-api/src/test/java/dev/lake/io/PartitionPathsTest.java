package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "a/b=c", "..", ".", ".hidden", "Zürich", "a b", "%41", "x\\y", "日本", "\n",
      "x=y", "%", "\uD83D\uDE00", "__HIVE_DEFAULT_PARTITION__", "#?*:\"'{[]^", "\u007F"})
  void segment_anyValue_staysOneDirectoryAndRoundTrips(String value) {
    String segment = PartitionPaths.segment("country", value);

    assertThat(segment).startsWith("country=").doesNotContain("/").doesNotContain("\\");
    String encoded = segment.substring("country=".length());
    assertThat(encoded).doesNotContain("=").doesNotContain(":").doesNotContain("\n");
    assertThat(PartitionPaths.decodeValue(encoded)).isEqualTo(value);
    assertThat(hiveUnescape(encoded)).as("as Hive and Spark read it").isEqualTo(value);
  }

  @Test
  void segment_hiveEscaping_onlyHiveCharactersEscapedNonAsciiKept() {
    assertThat(PartitionPaths.segment("city", "Zürich")).isEqualTo("city=Zürich");
    assertThat(PartitionPaths.segment("k", "a/b")).isEqualTo("k=a%2Fb");
    assertThat(PartitionPaths.segment("k", "x=y")).isEqualTo("k=x%3Dy");
    assertThat(PartitionPaths.segment("k", "100%")).isEqualTo("k=100%25");
    assertThat(PartitionPaths.segment("k", "a b")).isEqualTo("k=a b");
    assertThat(PartitionPaths.segment("k", "\uD83D\uDE00")).isEqualTo("k=\uD83D\uDE00");
    assertThat(PartitionPaths.segment("k", "#?*:\"'{[]^\\")).isEqualTo("k=%23%3F%2A%3A%22%27%7B%5B%5D%5E%5C");
    assertThat(PartitionPaths.segment("k", "a\tb\u0001")).isEqualTo("k=a%09b%01");
  }

  @Test
  void decodeValue_legacyUtf8Escapes_readAsLakeWroteThem() {
    assertThat(PartitionPaths.decodeValue("Z%C3%BCrich")).isEqualTo("Zürich");
    assertThat(PartitionPaths.decodeValue("United%20Kingdom")).isEqualTo("United Kingdom");
    assertThat(PartitionPaths.decodeValue("%2E.%2F..%2Fx")).isEqualTo("../../x");
  }

  @Test
  void segment_nullOrEmpty_isHiveDefaultPartition() {
    assertThat(PartitionPaths.segment("k", null)).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
    assertThat(PartitionPaths.segment("k", "")).isEqualTo("k=__HIVE_DEFAULT_PARTITION__");
    assertThat(PartitionPaths.decodeValue("__HIVE_DEFAULT_PARTITION__")).isNull();
  }

  @Test
  void segment_valueThatIsTheDefaultPartitionName_escapedNotNull() {
    String segment = PartitionPaths.segment("k", "__HIVE_DEFAULT_PARTITION__");

    assertThat(segment).isEqualTo("k=%5F_HIVE_DEFAULT_PARTITION__");
    assertThat(PartitionPaths.decodeValue("%5F_HIVE_DEFAULT_PARTITION__")).isEqualTo("__HIVE_DEFAULT_PARTITION__");
  }

  @Test
  void segment_plainValues_areReadable() {
    assertThat(PartitionPaths.segment("year", "2011")).isEqualTo("year=2011");
    assertThat(PartitionPaths.segment("price", "1.5")).isEqualTo("price=1.5");
    assertThat(PartitionPaths.segment("country", "United Kingdom")).isEqualTo("country=United Kingdom");
  }

  @Test
  void problem_longOrBrokenValues_namedWithTheFix() {
    assertThat(PartitionPaths.problem("k", "x".repeat(253))).isNull(); // k= + 253 = 255 bytes
    assertThat(PartitionPaths.problem("k", "x".repeat(254)))
        .startsWith("partition value of k (254 characters) makes a directory name of 256 bytes, more than the 255")
        .endsWith("partition by a shorter field (a prefix or a hash of this one)");
    assertThat(PartitionPaths.problem("k", "é".repeat(127))).contains("(127 characters)").contains("256 bytes");
    assertThat(PartitionPaths.problem("k", "a\uD83Db")).isEqualTo("partition value of k is not valid Unicode (a "
        + "lone surrogate U+D83D at character 2); it cannot be a directory name");
    assertThat(PartitionPaths.problem("k", null)).isNull();
  }

  /** Hive's FileUtils.unescapePathName, which Spark's ExternalCatalogUtils copies: each %XX is one character. */
  static String hiveUnescape(String path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int code;
        try {
          code = Integer.parseInt(path.substring(i + 1, i + 3), 16);
        } catch (NumberFormatException e) {
          code = -1;
        }
        if (code >= 0) {
          sb.append((char) code);
          i += 2;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  @Test
  void child_escapingValue_staysUnderDatasetDirectory() {
    URI dataset = URI.create("file:///lake/processed/sales/");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("a", "../../x");
    values.put("b", "a/b=c");

    URI file = Locations.child(dataset, PartitionPaths.directory(values) + "/part-0.parquet");

    assertThat(file.normalize().getPath()).startsWith("/lake/processed/sales/");
    assertThat(Locations.relativize(dataset, file)).isEqualTo("a=..%2F..%2Fx/b=a%2Fb%3Dc/part-0.parquet");
    assertThat(PartitionPaths.parse("a=..%2F..%2Fx/b=a%2Fb%3Dc", List.of("a", "b")))
        .containsExactly(Map.entry("a", "../../x"), Map.entry("b", "a/b=c"));
  }

  @Test
  void child_s3Uri_keepsBucket() {
    URI file = Locations.child(URI.create("s3://bucket/lake"), "processed/x/k=a%2Fb/part-0.parquet");

    assertThat(file.getAuthority()).isEqualTo("bucket");
    assertThat(file.getPath()).isEqualTo("/lake/processed/x/k=a%2Fb/part-0.parquet");
  }
}
