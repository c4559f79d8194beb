package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.LocalStore;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.WriteSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DuckDB, an independent Parquet reader, reads Lake's Parquet with the same values and standard types. */
class ParquetDuckDbTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = Compression.class)
  void readParquet_duckDb_seesSameValuesAndStandardTypes(Compression codec) throws Exception {
    Path file = dir.resolve("part-0.parquet");
    FileFormatsRoundTripTest.write(WriteSpec.of(FileFormat.PARQUET, codec, TestRows.FILE_SCHEMA, TestRows.MODEL),
        LocalStore.INSTANCE, file.toUri(), TestRows.rows());

    List<List<Object>> rows = query("SELECT id, quantity, name, note, status, CAST(day AS VARCHAR), epoch_us(\"at\"), "
        + "typeof(\"at\"), epoch_us(shipped), CAST(local AS VARCHAR), typeof(local), CAST(amount AS VARCHAR), "
        + "typeof(amount), customer.id, customer.country, array_to_string(tags, '|'), len(tags), "
        + "counts['a'], CAST(cardinality(counts) AS BIGINT), typeof(tags) FROM read_parquet('" + file + "') ORDER BY id");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly(1, 6_000_000_001L, "Mug, \"large\"\nblue é", "fragile", "NEW",
        "2011-01-05", 1_294_215_960_000_000L, "TIMESTAMP WITH TIME ZONE", 1_294_308_000_500_000L,
        "2011-01-05 08:26:00", "TIMESTAMP", "1234.50", "DECIMAL(10,2)", 17850L, "United Kingdom", "kitchen|gift", 2L,
        1L, 2L, "VARCHAR[]");
    assertThat(rows.get(1)).containsExactly(2, 6_000_000_002L, "Plate", null, "SHIPPED", "2011-01-06",
        1_323_435_000_123_456L, "TIMESTAMP WITH TIME ZONE", null, "2011-01-05 08:26:00.123456", "TIMESTAMP", "-0.05",
        "DECIMAL(10,2)", 12680L, null, "", 0L, null, 0L, "VARCHAR[]");
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = "SNAPPY")
  void parquetSchema_lists_useStandardThreeLevelLayout(Compression codec) throws Exception {
    Path file = dir.resolve("part-0.parquet");
    FileFormatsRoundTripTest.write(WriteSpec.of(FileFormat.PARQUET, codec, TestRows.FILE_SCHEMA, TestRows.MODEL),
        LocalStore.INSTANCE, file.toUri(), TestRows.rows());

    List<List<Object>> rows = query("SELECT name, converted_type FROM parquet_schema('" + file + "') "
        + "WHERE name IN ('tags', 'list', 'element', 'at') ORDER BY name");

    assertThat(rows).containsExactly(List.of("at", "TIMESTAMP_MICROS"), List.of("element", "UTF8"),
        java.util.Arrays.asList("list", null), List.of("tags", "LIST"));
  }

  /** DuckDB's rows for {@code sql}, in an in-memory database that loads no extension (ParquetDecimalsTest too). */
  static List<List<Object>> query(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("SET autoinstall_known_extensions=false");
      statement.execute("SET autoload_known_extensions=false");
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
