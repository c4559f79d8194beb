package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.format.FileFormats;
import dev.lake.io.ColumnMetrics;
import dev.lake.io.FileFormat;
import dev.lake.io.FileMetrics;
import dev.lake.io.LocalStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field ids in the Avro schema (Iceberg's {@code field-id}, {@code element-id}) reach the Parquet file, as DuckDB's
 * {@code parquet_schema} reads them; and the writer's metrics, read off the footer it wrote, count values and nulls
 * and bound each column.
 */
class ParquetFieldIdsTest {
  @TempDir
  Path dir;

  static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "Line", "fields": [
        {"name": "id", "type": "long", "field-id": 1},
        {"name": "name", "type": ["null", "string"], "default": null, "field-id": 2},
        {"name": "tags", "type": {"type": "array", "items": "string", "element-id": 4}, "field-id": 3}
      ]}""");

  @Test
  void fieldIds_reachTheFile_andMetricsComeFromTheFooter() throws Exception {
    Path file = dir.resolve("part-0.parquet");
    FileMetrics metrics;
    try (RowFileWriter w = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, null, SCHEMA, GenericData.get()),
        LocalStore.INSTANCE.newWriter(file.toUri()))) {
      w.write(row(7, "mug", List.of("a", "b")));
      w.write(row(3, null, List.of()));
      w.write(row(11, "bowl", List.of("c")));
      assertThat(w.metrics()).isEmpty();
      w.commit();
      metrics = w.metrics().orElseThrow();
    }

    Map<String, Integer> ids = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, field_id FROM parquet_schema('" + file + "') "
            + "WHERE field_id IS NOT NULL")) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getInt(2));
      }
    }
    assertThat(ids).isEqualTo(Map.of("id", 1, "name", 2, "tags", 3, "element", 4));

    assertThat(metrics.rows()).isEqualTo(3);
    ColumnMetrics id = column(metrics, "id");
    assertThat(id.fieldId()).isEqualTo(1);
    assertThat(id.valueCount()).isEqualTo(3);
    assertThat(id.nullCount()).isZero();
    assertThat(id.lower()).isEqualTo(3L);
    assertThat(id.upper()).isEqualTo(11L);
    ColumnMetrics name = column(metrics, "name");
    assertThat(name.nullCount()).isEqualTo(1);
    assertThat(new String((byte[]) name.lower(), StandardCharsets.UTF_8)).isEqualTo("bowl");
    assertThat(new String((byte[]) name.upper(), StandardCharsets.UTF_8)).isEqualTo("mug");
    assertThat(column(metrics, "tags.list.element").fieldId()).isEqualTo(4);
  }

  @Test
  void schemaWithoutIds_writesAFileWithoutIds() throws Exception {
    Schema plain = new Schema.Parser().parse(SCHEMA.toString().replaceAll(",\"(field|element)-id\":\\d", ""));
    Path file = dir.resolve("part-1.parquet");
    try (RowFileWriter w = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, null, plain, GenericData.get()),
        LocalStore.INSTANCE.newWriter(file.toUri()))) {
      GenericRecord r = new GenericData.Record(plain);
      r.put("id", 1L);
      r.put("tags", List.of());
      w.write(r);
      w.commit();
      assertThat(w.metrics().orElseThrow().columns()).allMatch(c -> c.fieldId() == -1);
    }
  }

  private static GenericRecord row(long id, String name, List<String> tags) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("id", id);
    r.put("name", name);
    r.put("tags", tags);
    return r;
  }

  private static ColumnMetrics column(FileMetrics m, String path) {
    return m.columns().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
  }
}
