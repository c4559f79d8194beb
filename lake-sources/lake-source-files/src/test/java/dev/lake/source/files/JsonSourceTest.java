package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSourceTest {
  static final String SONG = "{\n  \"num_songs\": 1,\n  \"artist_id\": \"AR62SOJ1187FB47BB5\",\n"
      + "  \"artist_latitude\": null,\n  \"artist_name\": \"Chase & Status\",\n  \"song_id\": \"SOGVQGJ12AB017F169\",\n"
      + "  \"title\": \"Ten Tonne\",\n  \"duration\": 337.68444,\n  \"year\": 2005\n}\n";
  static final String EVENT1 = "{\"artist\":\"Stephen Lynch\",\"length\":182.85669,\"sessionId\":829,"
      + "\"ts\":1543537327796,\"userAgent\":\"Mozilla\\/5.0 (compatible; MSIE 10.0)\",\"userId\":\"91\"}";
  static final String EVENT2 = "{\"artist\":null,\"length\":null,\"sessionId\":1049,\"ts\":1543540121796,"
      + "\"userAgent\":null,\"userId\":\"\"}";

  @TempDir Path dir;

  record Song(String songId, String title, String artistName, Double artistLatitude, double duration, int year) {}

  record Event(String artist, Double length, long sessionId, Instant ts, String userAgent, String userId) {}

  static Schema eventSchema() {
    Schema ts = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("Event").fields().optionalString("artist").requiredLong("session_id")
        .name("ts").type(ts).noDefault().optionalString("user_agent").optionalString("user_id").endRecord();
  }

  record Tagged(String file, String title) {}

  @Test
  void withFileColumn_jsonLines_filledWithFileUri() throws Exception {
    Path a = Collecting.write(dir.resolve("a.jsonl"), "{\"title\":\"one\"}\n{\"title\":\"two\"}\n");

    List<Tagged> rows = new Collecting().read(JsonSource.of(Tagged.class).withFileColumn("file").from(a.toString()));

    assertThat(rows).containsExactly(new Tagged(a.toUri().toString(), "one"), new Tagged(a.toUri().toString(), "two"));
  }

  @Test
  void open_prettyPrintedDocumentPerFile_recordRowsViaGlob() throws Exception {
    Collecting.write(dir.resolve("song_data/A/B/TRA.json"), SONG);
    Collecting.write(dir.resolve("song_data/A/TRB.json"), SONG.replace("Ten Tonne", "Other"));
    Collecting ctx = new Collecting();
    List<Song> songs = ctx.read(JsonSource.of(Song.class).from(dir.resolve("song_data") + "/**/*.json"));
    assertThat(songs).containsExactly(
        new Song("SOGVQGJ12AB017F169", "Ten Tonne", "Chase & Status", null, 337.68444, 2005),
        new Song("SOGVQGJ12AB017F169", "Other", "Chase & Status", null, 337.68444, 2005));
    assertThat(ctx.positions.get(0)).isEqualTo(dir.resolve("song_data/A/B/TRA.json").toUri() + ":1");
  }

  @Test
  void open_jsonLinesWithMalformedLine_rejectedWithFileLineOthersRead() throws Exception {
    Path file = Collecting.write(dir.resolve("events.json"), EVENT1 + "\n\n{\"artist\": \"broken\n" + EVENT2 + "\n");
    Collecting ctx = new Collecting();
    List<GenericRecord> rows = ctx.read(JsonSource.generic().withSchema(eventSchema()).from(file.toString()));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("user_agent")).isEqualTo("Mozilla/5.0 (compatible; MSIE 10.0)");
    assertThat(rows.get(0).get("ts")).isEqualTo(Instant.ofEpochMilli(1543537327796L));
    assertThat(rows.get(0).get("session_id")).isEqualTo(829L);
    assertThat(rows.get(1).get("artist")).isNull();
    assertThat(rows.get(1).get("user_id")).isEqualTo("");
    assertThat(ctx.positions).containsExactly(file.toUri() + ":1", file.toUri() + ":4");
    assertThat(ctx.rejected).hasSize(1);
    BadRow bad = ctx.rejected.get(0);
    assertThat(bad.position()).isEqualTo(file.toUri() + ":3");
    assertThat(bad.reason()).startsWith("Malformed JSON: ");
    assertThat(bad.value()).isEqualTo("{\"artist\": \"broken");
  }

  @Test
  void open_badValueAndMissingRequiredKey_rejectedWithReason() throws Exception {
    Path file = Collecting.write(dir.resolve("events.json"),
        EVENT1.replace("829", "\"x\"") + "\n{\"artist\":\"a\",\"ts\":1}\n" + EVENT2 + "\n");
    Collecting ctx = new Collecting();
    List<GenericRecord> rows =
        ctx.read(JsonSource.generic().withSchema(eventSchema()).jsonLines().from(file.toString()));
    assertThat(rows).hasSize(1);
    assertThat(ctx.rejected).extracting(BadRow::reason, BadRow::position).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Field session_id: Expected a long but was 'x'", file.toUri() + ":1"),
        org.assertj.core.groups.Tuple.tuple("Field session_id: missing, and the field is required",
            file.toUri() + ":2"));
  }

  @Test
  void open_gzipJsonLinesRecordClass_readsRows() throws Exception {
    Path file = Collecting.gzip(dir.resolve("log/2018-11-01-events.json.gz"), EVENT1 + "\n" + EVENT2 + "\n");
    List<Event> rows = new Collecting().read(JsonSource.of(Event.class).from(file.toUri()));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).userAgent()).isEqualTo("Mozilla/5.0 (compatible; MSIE 10.0)");
    assertThat(rows.get(1).sessionId()).isEqualTo(1049L);
  }

  @Test
  void open_inferredNestedObjectsUnknownKeysIgnored_nestedRecords() throws Exception {
    Path file = Collecting.write(dir.resolve("nested.json"),
        "[{\"id\":1,\"song\":{\"title\":\"A\",\"year\":2005},\"tags\":[\"x\"]},\n"
            + " {\"id\":2,\"song\":{\"title\":\"B\"},\"tags\":[]}]\n");
    JsonSource<GenericRecord> source = JsonSource.generic().from(file.toString());
    Schema schema = source.schema();
    assertThat(schema.getField("song").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.RECORD);
    List<GenericRecord> rows = new Collecting().read(source);
    assertThat(((GenericRecord) rows.get(0).get("song")).get("year")).isEqualTo(2005L);
    assertThat(((GenericRecord) rows.get(1).get("song")).get("year")).isNull();
    assertThat(rows.get(0).get("tags")).isEqualTo(List.of("x"));

    Schema narrow = SchemaBuilder.record("Narrow").fields().requiredLong("id").endRecord();
    List<GenericRecord> ids = new Collecting().read(JsonSource.generic().withSchema(narrow).from(file.toString()));
    assertThat(ids).extracting(r -> r.get("id")).containsExactly(1L, 2L);
  }

  @Test
  void open_malformedDocument_rejectsRestOfFileFromTheDocumentsStart() throws Exception {
    Path file = Collecting.write(dir.resolve("doc.json"), "{\n  \"id\": 1\n}\n{\n  \"id\": \n}\n");
    Schema schema = SchemaBuilder.record("R").fields().requiredLong("id").endRecord();
    Collecting ctx = new Collecting();
    List<GenericRecord> rows = ctx.read(JsonSource.generic().withSchema(schema).from(file.toString()));
    assertThat(rows).hasSize(1);
    assertThat(ctx.rejected).hasSize(1);
    assertThat(ctx.rejected.get(0).position()).isEqualTo(file.toUri() + ":4");
    assertThat(ctx.rejected.get(0).reason()).startsWith("Malformed JSON at line 6, column 1: ")
        .endsWith("; the rest of the file, from line 4, is not read (this bad row holds it)");
    assertThat(ctx.rejected.get(0).value()).isEqualTo("{\n  \"id\": \n}\n");
  }

  @Test
  void split_perFile_sortedAndSchemaFixed() throws Exception {
    Collecting.write(dir.resolve("b.json"), EVENT1 + "\n");
    Collecting.write(dir.resolve("a.json"), EVENT2 + "\n" + EVENT1 + "\n");
    List<JsonSource<GenericRecord>> splits = JsonSource.generic().from(dir + "/*.json").split(new Collecting());
    assertThat(splits).hasSize(2);
    assertThat(splits.get(0).id()).startsWith(dir.resolve("a.json").toUri() + "@");
    assertThat(splits.get(0).schema()).isEqualTo(splits.get(1).schema());
    assertThat(new Collecting().read(splits.get(1))).hasSize(1);
    assertThat(splits.get(0).name()).isEqualTo("json");
  }

  @Test
  void configuration_invalid_throwsValidation() {
    assertThatThrownBy(() -> JsonSource.generic().open(new Collecting()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("json source has no location: call .from(");
    assertThatThrownBy(() -> JsonSource.generic().withSchema(Schema.create(Schema.Type.LONG)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("withSchema(schema): a record schema is required");
  }
}
