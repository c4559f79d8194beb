package dev.lake.internal.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lake's metadata through the streaming writer and reader: the files under {@code metadata/} were written by the
 * databind mapper Lake used before (commit f19ecdc), in every format still read; they must read to the same values
 * through both, and writing those values again must give databind's JSON, byte for byte.
 */
class JsonTest {
  @TempDir
  Path dir;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = JsonTest.class.getResourceAsStream("metadata/" + name)) {
      return in.readAllBytes();
    }
  }

  private static Class<?> typeOf(String type) {
    return switch (type) {
      case "manifest" -> Manifest.class;
      case "entry" -> StateLog.Entry.class;
      case "marker" -> PendingMarkers.Marker.class;
      case "segment" -> Segments.Segment.class;
      default -> throw new IllegalArgumentException(type);
    };
  }

  @ParameterizedTest
  @CsvSource({"manifest-v3.json, manifest", "manifest-v2.json, manifest", "manifest-v1.json, manifest",
      "state-entry.json, entry", "marker-prepared.json, marker", "marker-committed.json, marker",
      "segment.json, segment"})
  void read_fileWrittenByDatabind_sameValuesAndWrittenBackAsDatabindWrites(String file, String type)
      throws IOException {
    byte[] old = resource(file);

    Object streamed = Json.read(old, typeOf(type));
    Object databound = Json.mapper().readValue(old, typeOf(type));

    assertThat(streamed).isEqualTo(databound);
    assertThat(new String(Json.write(streamed), StandardCharsets.UTF_8))
        .isEqualTo(Json.mapper().writeValueAsString(streamed));
    assertThat(Json.mapper().readTree(Json.write(streamed))).isEqualTo(Json.mapper().readTree(old));
  }

  @Test
  void read_formatOneManifest_keepsItsCommitKeyAndCompactedKeys() throws IOException {
    Manifest v1 = Json.read(resource("manifest-v1.json"), Manifest.class);

    assertThat(v1.formatVersion()).isEqualTo(1);
    assertThat(v1.commitKey()).isEqualTo("key0");
    assertThat(v1.compacted()).containsEntry("year=2011/c.parquet", List.of("k1", "k2"));
    assertThat(v1.files()).singleElement().satisfies(f -> {
      assertThat(f.partition()).containsExactly(Map.entry("year", "2011"), Map.entry("month", "1"));
      assertThat(f.splits()).containsExactly("s1", "s2");
    });
    assertThat(v1.segments()).isEmpty();
    assertThat(v1.published()).isEmpty();
  }

  @Test
  void read_committedMarker_stateVersionAndStagedHandle() throws IOException {
    PendingMarkers.Marker m = Json.read(resource("marker-committed.json"), PendingMarkers.Marker.class);

    assertThat(m.stateVersion()).isEqualTo(7L);
    assertThat(m.publication().staged().values()).singleElement().satisfies(s -> {
      assertThat(s.target()).hasToString(
          "s3://bucket/lake/processed/online_retail/year=2011/month=1/part-run1-0.parquet");
      assertThat(s.token()).containsEntry("uploadId", "u-1");
    });
    assertThat(m.publication().replaces()).singleElement().satisfies(s -> assertThat(s.inputs())
        .containsExactly("a.parquet"));
  }

  @Test
  void read_unknownAndMissingProperties_ignoredAndEmpty() throws IOException {
    byte[] json = "{\"formatVersion\": 3, \"dataset\": \"d\", \"addedLater\": {\"x\": [1, 2]}}"
        .getBytes(StandardCharsets.UTF_8);

    Manifest m = Json.read(json, Manifest.class);

    assertThat(m.dataset()).isEqualTo("d");
    assertThat(m.version()).isZero();
    assertThat(m.committedAt()).isNull();
    assertThat(m.files()).isEmpty();
    assertThat(m.published()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"version\": \"seven\"}|Property version of a manifest is \"seven\", expected a whole number",
      "{\"files\": {}}|Property files of a manifest is an object, expected an array",
      "{\"files\": [{\"rows\": true}]}|Property files[0].rows of a manifest is true, expected a whole number",
      "{\"committedAt\": \"yesterday\"}|Property committedAt of a manifest is \"yesterday\", expected an ISO-8601",
      "{\"partitionBy\": [\"year\", null]}|Property partitionBy[1] of a manifest is null, expected a string",
      "[1, 2]|Expected a JSON object for a manifest, found START_ARRAY",
      "{\"dataset\": \"d\"} x|Not valid JSON for a manifest: Unrecognized token 'x'",
      "{\"dataset\": \"d\"} {}|Unexpected content after the JSON object of a manifest",
      "{\"dataset\": |Not valid JSON for a manifest: Unexpected end-of-input"})
  void read_badManifest_errorNamesPropertyValueAndExpectation(String json, String message) {
    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Manifest.class))
        .isInstanceOf(IOException.class).hasMessageContaining(message);
  }

  @Test
  void read_stagedObjectWithoutTarget_errorNamingIt() {
    byte[] json = ("{\"publications\": [{\"staged\": {\"a.parquet\": {\"bytes\": 3}}}]}")
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Json.read(json, StateLog.Entry.class)).isInstanceOf(IOException.class)
        .hasMessageContaining("staged.a.parquet.target").hasMessageContaining("missing");
  }

  @Test
  void cursors_stateFileOfLakeBefore02_readByKey() throws IOException {
    Files.createDirectories(dir.resolve("_lake/state"));
    Files.writeString(dir.resolve("_lake/state/p.json"), "{\n  \"since\" : \"2011-12-09\",\n  \"page\" : 3\n}");

    assertThat(Lake.at(dir.toString()).cursors("p")).containsExactly(Map.entry("page", "3"),
        Map.entry("since", "2011-12-09"));
  }
}
