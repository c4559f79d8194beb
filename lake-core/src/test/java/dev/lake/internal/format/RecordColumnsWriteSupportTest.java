package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Decimal;
import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java records written column by column ({@link RecordColumnsWriteSupport}, the Parquet writer's shortcut) make the
 * same file as parquet-avro's {@link AvroWriteSupport} over the same rows and model: DuckDB, an independent reader,
 * reads the same values, schema and key-value metadata from both.
 */
class RecordColumnsWriteSupportTest {
  enum Status { NEW, SHIPPED }

  record Line(String name, int quantity, long total, Long customer, double weight, float ratio, boolean gift,
      short shelf, byte[] code, Status status, Instant at, LocalDateTime local, LocalDate day, LocalTime time,
      @Decimal(precision = 10, scale = 2) BigDecimal price, UUID id, String country) {}

  @TempDir
  Path dir;

  private static List<Line> lines() {
    return List.of(
        new Line("Mug, \"large\"\nblue é", 6, 6_000_000_001L, 17850L, 1.25, 0.5f, true, (short) 3,
            new byte[] {1, 2, 3}, Status.NEW, Instant.parse("2011-01-05T08:26:00.123456Z"),
            LocalDateTime.parse("2011-01-05T08:26:00.123456"), LocalDate.parse("2011-01-05"),
            LocalTime.parse("08:26:00.5"), new BigDecimal("1234.5"), UUID.fromString(
                "123e4567-e89b-12d3-a456-426614174000"), "United Kingdom"),
        new Line("Plate", -2, 0L, null, -0.0, Float.NaN, false, (short) -1, new byte[0], Status.SHIPPED,
            Instant.EPOCH, LocalDateTime.parse("1969-12-31T23:59:59.999999"), LocalDate.parse("1900-02-28"),
            LocalTime.MIDNIGHT, new BigDecimal("-0.05"), UUID.fromString("00000000-0000-0000-0000-000000000001"),
            null),
        new Line("", Integer.MAX_VALUE, Long.MIN_VALUE, 0L, Double.MAX_VALUE, Float.MIN_VALUE, true, Short.MAX_VALUE,
            new byte[] {(byte) 0xff}, Status.NEW, Instant.parse("2262-04-11T23:47:16.854775Z"),
            LocalDateTime.parse("2010-12-01T08:26:00"), LocalDate.parse("2011-12-09"), LocalTime.parse("23:59:59"),
            new BigDecimal("99999999.99"), UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), "Japan"));
  }

  @Test
  void javaRecords_writtenColumnByColumn_sameFileAsAvroWriteSupport() throws Exception {
    Schema schema = Schemas.of(Line.class);
    GenericData model = Rows.model(Line.class);
    Path lake = dir.resolve("lake.parquet");
    Path avro = dir.resolve("avro.parquet");
    writeWithLake(schema, model, lake);
    writeWithAvroWriteSupport(schema, model, avro);

    List<List<Object>> lakeRows = query("SELECT * FROM read_parquet('" + lake + "')");
    List<List<Object>> avroRows = query("SELECT * FROM read_parquet('" + avro + "')");
    assertThat(lakeRows).hasSize(3);
    assertThat(lakeRows.get(0)).startsWith("Mug, \"large\"\nblue é", 6, 6_000_000_001L, 17850L, 1.25, 0.5f, true, 3);
    assertThat(lakeRows.get(1).get(3)).isNull();
    assertThat(lakeRows).isEqualTo(avroRows);
    assertThat(query("SELECT CAST(price AS VARCHAR), typeof(price), CAST(id AS VARCHAR), status FROM read_parquet('"
        + lake + "')")).containsExactly(
            List.of("1234.50", "DECIMAL(10,2)", "123e4567-e89b-12d3-a456-426614174000", "NEW"),
            List.of("-0.05", "DECIMAL(10,2)", "00000000-0000-0000-0000-000000000001", "SHIPPED"),
            List.of("99999999.99", "DECIMAL(10,2)", "ffffffff-ffff-ffff-ffff-ffffffffffff", "NEW"));
    String schemaSql = "SELECT name, type, type_length, repetition_type, num_children, converted_type, scale, "
        + "precision, field_id, CAST(logical_type AS VARCHAR) FROM parquet_schema('%s')";
    List<List<Object>> avroSchema = query(String.format(schemaSql, avro));
    avroSchema.stream().filter(column -> column.get(0).equals("price")).forEach(column -> {
      assertThat(column.get(1)).isEqualTo("BYTE_ARRAY"); // parquet-avro's; Lake's: INT64 (ParquetDecimals)
      column.set(1, "INT64");
    });
    assertThat(query(String.format(schemaSql, lake))).isEqualTo(avroSchema);
    String metadataSql = "SELECT CAST(key AS VARCHAR), CAST(value AS VARCHAR) FROM parquet_kv_metadata('%s') "
        + "ORDER BY 1";
    assertThat(query(String.format(metadataSql, lake))).isEqualTo(query(String.format(metadataSql, avro)))
        .anyMatch(kv -> kv.get(0).equals("parquet.avro.schema"));
  }

  @Test
  void genericRows_goThroughAvroWriteSupport_sameValues() throws Exception {
    Schema schema = Schemas.of(Line.class);
    Path file = dir.resolve("generic.parquet");
    try (RowFileWriter writer = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema,
        Rows.model(org.apache.avro.generic.GenericRecord.class)), LocalStore.INSTANCE.newWriter(file.toUri()))) {
      for (Line line : lines()) {
        writer.write(Rows.toGeneric(line));
      }
      writer.commit();
    }
    Path records = dir.resolve("records.parquet");
    writeWithLake(schema, Rows.model(Line.class), records);

    assertThat(query("SELECT * FROM read_parquet('" + file + "')")).hasSize(3)
        .isEqualTo(query("SELECT * FROM read_parquet('" + records + "')"));
  }

  record Repeated(String name, String note, @Decimal(precision = 10, scale = 3) BigDecimal price,
      LocalDateTime sold) {}

  /**
   * Runs of rows sharing one object (as rows read from text share a repeated value), equal values in new objects,
   * values that change every row, and more distinct prices than a column writer keeps the bytes of.
   */
  private static List<Repeated> repeated() {
    List<Repeated> rows = new ArrayList<>();
    LocalDateTime start = LocalDateTime.parse("2010-12-01T08:26:00");
    String name = null;
    BigDecimal price = null;
    LocalDateTime sold = null;
    for (int i = 0; i < 10_000; i++) {
      if (i % 7 == 0) { // a new run: new objects, some equal to an earlier run's
        name = String.format("%040d", i % 3 == 0 ? 0 : i);
        price = new BigDecimal(i % 3 == 0 ? i % 11 : i * 37 % 5_003).movePointLeft(2); // more than a writer keeps
        price = i % 2 == 0 ? price : price.setScale(3); // equal values at another scale: the same bytes
        sold = start.plusMinutes(i % 5);
      }
      rows.add(new Repeated(name, "é" + (i % 10) + "x".repeat(i % 300), price, sold));
    }
    return rows;
  }

  @Test
  void repeatedValues_sameFileAsAvroWriteSupport() throws Exception {
    Schema schema = Schemas.of(Repeated.class);
    GenericData model = Rows.model(Repeated.class);
    List<Repeated> rows = repeated();
    Path lake = dir.resolve("repeated-lake.parquet");
    Path avro = dir.resolve("repeated-avro.parquet");
    try (RowFileWriter writer = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema,
        model), LocalStore.INSTANCE.newWriter(lake.toUri()))) {
      for (Repeated row : rows) {
        writer.write(row);
      }
      writer.commit();
    }
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(avro))
        .withSchema(schema).withDataModel(model).withConf(conf).withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(true).build()) {
      for (Repeated row : rows) {
        writer.write(row);
      }
    }

    String sql = "SELECT name, note, CAST(price AS VARCHAR), sold FROM read_parquet('%s')";
    List<List<Object>> lakeRows = query(String.format(sql, lake));
    assertThat(lakeRows).hasSize(rows.size()).isEqualTo(query(String.format(sql, avro)));
    for (int i = 0; i < rows.size(); i += 97) {
      Repeated row = rows.get(i);
      assertThat(lakeRows.get(i)).containsExactly(row.name(), row.note(), row.price().setScale(3).toPlainString(),
          java.sql.Timestamp.valueOf(row.sold()));
    }
    String statsSql = "SELECT path_in_schema, CAST(stats_min AS VARCHAR), CAST(stats_max AS VARCHAR), "
        + "stats_null_count FROM parquet_metadata('%s') ORDER BY 1";
    assertThat(query(String.format(statsSql, lake))).isEqualTo(query(String.format(statsSql, avro)));
  }

  record Clock(Instant at, LocalDateTime local, LocalTime time, LocalDate day, BigDecimal price, Long plain) {}

  /**
   * Logical types a record's own schema does not choose (milliseconds, a decimal as fixed bytes, a long without a
   * conversion) given by the file's schema: each column kind's writer, nulls included, the same values as
   * parquet-avro's.
   */
  @Test
  void millisAndFixedDecimals_fromTheFileSchema_sameValuesAsAvroWriteSupport() throws Exception {
    Schema millis = org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    Schema localMillis = org.apache.avro.LogicalTypes.localTimestampMillis()
        .addToSchema(Schema.create(Schema.Type.LONG));
    Schema timeMillis = org.apache.avro.LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    Schema date = org.apache.avro.LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    Schema fixed = org.apache.avro.LogicalTypes.decimal(9, 2)
        .addToSchema(Schema.createFixed("price_fixed", null, null, 4));
    Schema schema = org.apache.avro.SchemaBuilder.record("Clock").fields()
        .name("at").type(millis).noDefault()
        .name("local").type().optional().type(localMillis)
        .name("time").type(timeMillis).noDefault()
        .name("day").type().optional().type(date)
        .name("price").type().optional().type(fixed)
        .name("plain").type().optional().type(Schema.create(Schema.Type.LONG))
        .endRecord();
    GenericData model = Rows.model(Clock.class);
    Instant at = Instant.parse("2011-01-05T08:26:00.123Z");
    List<Clock> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      boolean nulls = i % 5 == 4;
      rows.add(new Clock(at.plusSeconds(i / 3), nulls ? null : LocalDateTime.parse("1969-12-31T23:59:59.999"),
          LocalTime.of(i % 24, 0, 0, 5_000_000), nulls ? null : LocalDate.ofEpochDay(i - 100),
          nulls ? null : new BigDecimal(i % 7 == 0 ? "-1234567.89" : "0.05"), nulls ? null : (long) -i));
    }
    Path lake = dir.resolve("clock-lake.parquet");
    Path avro = dir.resolve("clock-avro.parquet");
    try (RowFileWriter writer = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema,
        model), LocalStore.INSTANCE.newWriter(lake.toUri()))) {
      for (Clock row : rows) {
        writer.write(row);
      }
      writer.commit();
    }
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(avro))
        .withSchema(schema).withDataModel(model).withConf(conf).withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(true).build()) {
      for (Clock row : rows) {
        writer.write(row);
      }
    }

    String sql = "SELECT \"at\", \"local\", \"time\", \"day\", CAST(price AS VARCHAR), plain "
        + "FROM read_parquet('%s')";
    List<List<Object>> lakeRows = query(String.format(sql, lake));
    assertThat(lakeRows).hasSize(rows.size()).isEqualTo(query(String.format(sql, avro)));
    assertThat(lakeRows.get(0).get(4)).isEqualTo("-1234567.89");
    assertThat(lakeRows.get(4)).containsExactly(lakeRows.get(4).get(0), null, lakeRows.get(4).get(2), null, null,
        null);
    assertThat(query("SELECT CAST(\"at\" AS VARCHAR), CAST(\"time\" AS VARCHAR), CAST(\"day\" AS VARCHAR), plain "
        + "FROM read_parquet('" + lake + "') LIMIT 1 OFFSET 1")).containsExactly(
            List.of("2011-01-05 08:26:00.123+00", "01:00:00.005+00", "1969-09-24", -1L)); // parquet-avro: TIME UTC
  }

  private static void writeWithLake(Schema schema, GenericData model, Path file) throws IOException {
    try (RowFileWriter writer = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema,
        model), LocalStore.INSTANCE.newWriter(file.toUri()))) {
      for (Line line : lines()) {
        writer.write(line);
      }
      writer.commit();
    }
  }

  private static void writeWithAvroWriteSupport(Schema schema, GenericData model, Path file) throws IOException {
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    conf.set(AvroWriteSupport.WRITE_PARQUET_UUID, "false");
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(file))
        .withSchema(schema).withDataModel(model).withConf(conf).withCodecFactory(ParquetCodecs.INSTANCE)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(true).build()) {
      for (Line line : lines()) {
        writer.write(line);
      }
    }
  }

  private static List<List<Object>> query(String sql) throws SQLException {
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
            Object value = rs.getObject(i);
            row.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
