package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Decimal;
import dev.lake.Rows;
import dev.lake.Schemas;
import dev.lake.exceptions.SchemaException;
import dev.lake.format.FileFormats;
import dev.lake.io.ColumnMetrics;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.FileMetrics;
import dev.lake.io.LocalStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimals of precision 18 or less are written as {@code INT32} / {@code INT64} ({@link ParquetDecimals}), larger
 * ones as before; Lake's reader and DuckDB read the same values from them and from files written the old way
 * (parquet-avro's binary decimals), side by side, and the footer's bounds are the same bytes either way.
 */
class ParquetDecimalsTest {
  private static final int[] PRECISIONS = {1, 9, 10, 18, 19, 38};

  @TempDir
  Path dir;

  /** A record of one required and one nullable decimal per precision, scale precision / 2, with field ids. */
  private static Schema schema() {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Amounts").fields();
    int id = 1;
    for (int p : PRECISIONS) {
      Schema decimal = LogicalTypes.decimal(p, p / 2).addToSchema(Schema.create(Schema.Type.BYTES));
      fields = fields.name("d" + p).prop("field-id", id++).type(decimal).noDefault();
      fields = fields.name("n" + p).prop("field-id", id++).type(Schema.createUnion(Schema.create(Schema.Type.NULL),
          decimal)).withDefault(null);
    }
    return fields.endRecord();
  }

  /** The largest and smallest value of each precision, zero, a small negative, and nulls in the nullable columns. */
  private static List<GenericRecord> rows(Schema schema) {
    List<GenericRecord> rows = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      GenericData.Record row = new GenericData.Record(schema);
      for (int p : PRECISIONS) {
        BigInteger max = BigInteger.TEN.pow(p).subtract(BigInteger.ONE);
        BigInteger unscaled = switch (r) {
          case 0 -> max;
          case 1 -> max.negate();
          case 2 -> BigInteger.ZERO;
          case 3 -> BigInteger.valueOf(-5);
          default -> BigInteger.ONE;
        };
        BigDecimal value = new BigDecimal(unscaled, p / 2);
        row.put("d" + p, value);
        row.put("n" + p, r == 4 ? null : value);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void write_byPrecision_int32Int64OrBinaryWithTheSameAnnotationAndIds() throws IOException {
    Path file = writeWithLake(dir.resolve("new.parquet"), schema(), rows(schema()));

    MessageType written = footer(file).getFileMetaData().getSchema();
    for (int p : PRECISIONS) {
      PrimitiveTypeName expected = p <= 9 ? PrimitiveTypeName.INT32 : p <= 18 ? PrimitiveTypeName.INT64
          : PrimitiveTypeName.BINARY;
      for (String column : List.of("d" + p, "n" + p)) {
        PrimitiveType type = written.getType(column).asPrimitiveType();
        assertThat(type.getPrimitiveTypeName()).as(column).isEqualTo(expected);
        assertThat(type.getLogicalTypeAnnotation()).as(column)
            .isEqualTo(LogicalTypeAnnotation.decimalType(p / 2, p));
        assertThat(type.getRepetition()).as(column)
            .isEqualTo(column.startsWith("d") ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL);
        assertThat(type.getId()).as(column).isNotNull();
      }
    }
    assertThat(written.getType("d1").getId().intValue()).isEqualTo(1);
    assertThat(written.getType("n38").getId().intValue()).isEqualTo(12);
  }

  @Test
  void roundTrip_edgeValues_sameDecimalsThroughLakeAndDuckDb() throws Exception {
    Schema schema = schema();
    List<GenericRecord> rows = rows(schema);
    Path file = writeWithLake(dir.resolve("new.parquet"), schema, rows);

    assertThat(values(readWithLake(file, schema))).isEqualTo(values(rows));
    assertThat(values(readWithLake(file, null))).isEqualTo(values(rows));
    assertThat(readWithLake(file, null).get(0).getSchema()).isEqualTo(schema);
    assertThat(duckDb("'" + file + "'")).isEqualTo(expectedText(rows));
  }

  @Test
  void projection_someDecimals_readAsDecimals() throws IOException {
    Schema schema = schema();
    List<GenericRecord> rows = rows(schema);
    Path file = writeWithLake(dir.resolve("new.parquet"), schema, rows);
    Schema projection = SchemaBuilder.record("Amounts").fields()
        .name("n10").type(schema.getField("n10").schema()).withDefault(null)
        .name("d19").type(schema.getField("d19").schema()).noDefault()
        .name("d9").type(schema.getField("d9").schema()).noDefault().endRecord();

    List<GenericRecord> read = readWithLake(file, projection);

    assertThat(read).hasSize(5);
    for (int r = 0; r < 5; r++) {
      for (String column : List.of("n10", "d19", "d9")) {
        assertThat(read.get(r).get(column)).as(column).isEqualTo(rows.get(r).get(column));
      }
    }
  }

  record Price(@Decimal(precision = 10, scale = 3) BigDecimal unitPrice,
      @Decimal(precision = 5, scale = 2) BigDecimal discount, String item) {}

  @Test
  void recordsThroughTheShortcut_sameFileValuesAsGenericRows() throws Exception {
    List<Price> prices = List.of(new Price(new BigDecimal("9999999.999"), new BigDecimal("-999.99"), "a"),
        new Price(new BigDecimal("-9999999.999"), null, "b"), new Price(new BigDecimal("0.5"), BigDecimal.ZERO, "c"),
        new Price(new BigDecimal("2.55"), new BigDecimal("2.55"), "d"));
    Path records = dir.resolve("records.parquet");
    try (RowFileWriter w = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY,
        Schemas.of(Price.class), Rows.model(Price.class)), LocalStore.INSTANCE.newWriter(records.toUri()))) {
      for (Price p : prices) {
        w.write(p);
      }
      w.commit();
    }
    Path generic = dir.resolve("generic.parquet");
    List<GenericRecord> genericRows = prices.stream().map(Rows::toGeneric).toList();
    writeWithLake(generic, Schemas.of(Price.class), genericRows);

    String sql = "SELECT CAST(unitPrice AS VARCHAR), CAST(discount AS VARCHAR), item, typeof(unitPrice), "
        + "typeof(discount) FROM read_parquet('%s')";
    assertThat(query(String.format(sql, records))).isEqualTo(query(String.format(sql, generic)))
        .containsExactly(List.of("9999999.999", "-999.99", "a", "DECIMAL(10,3)", "DECIMAL(5,2)"),
            Arrays.asList("-9999999.999", null, "b", "DECIMAL(10,3)", "DECIMAL(5,2)"),
            List.of("0.500", "0.00", "c", "DECIMAL(10,3)", "DECIMAL(5,2)"),
            List.of("2.550", "2.55", "d", "DECIMAL(10,3)", "DECIMAL(5,2)"));
    assertThat(footer(records).getFileMetaData().getSchema().getType("discount").asPrimitiveType()
        .getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
  }

  @Test
  void nestedDecimals_stayBinary_topLevelBesideThemIsInt64_allReadBack() throws Exception {
    Schema decimal = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema inner = SchemaBuilder.record("Inner").fields().name("amount").type(decimal).noDefault().endRecord();
    Schema schema = SchemaBuilder.record("Outer").fields()
        .name("total").type(decimal).noDefault()
        .name("parts").type(Schema.createArray(decimal)).noDefault()
        .name("inner").type(inner).noDefault()
        .name("last").type(Schema.createUnion(Schema.create(Schema.Type.NULL), decimal)).withDefault(null)
        .endRecord();
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GenericData.Record in = new GenericData.Record(inner);
      in.put("amount", new BigDecimal(-i * 1000 - 1).movePointLeft(2));
      GenericData.Record row = new GenericData.Record(schema);
      row.put("total", new BigDecimal("99999999.99").subtract(BigDecimal.valueOf(i)));
      row.put("parts", List.of(new BigDecimal("1.25"), new BigDecimal(-i).movePointLeft(2).setScale(2)));
      row.put("inner", in);
      row.put("last", i == 1 ? null : new BigDecimal("-99999999.99"));
      rows.add(row);
    }
    Path file = writeWithLake(dir.resolve("nested.parquet"), schema, rows);

    MessageType written = footer(file).getFileMetaData().getSchema();
    assertThat(written.getType("total").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(written.getType("last").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(written.getType("parts", "list", "element").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(written.getType("inner", "amount").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
    List<GenericRecord> read = readWithLake(file, null);
    for (int i = 0; i < 3; i++) {
      assertThat(read.get(i).get("total")).isEqualTo(rows.get(i).get("total"));
      assertThat(read.get(i).get("last")).isEqualTo(rows.get(i).get("last"));
      assertThat(read.get(i).get("parts")).isEqualTo(rows.get(i).get("parts"));
      assertThat(((GenericRecord) read.get(i).get("inner")).get("amount"))
          .isEqualTo(((GenericRecord) rows.get(i).get("inner")).get("amount"));
    }
    assertThat(query("SELECT CAST(total AS VARCHAR), CAST(parts AS VARCHAR), CAST(\"inner\".amount AS VARCHAR), "
        + "CAST(\"last\" AS VARCHAR) FROM read_parquet('" + file + "')")).containsExactly(
            List.of("99999999.99", "[1.25, 0.00]", "-0.01", "-99999999.99"),
            Arrays.asList("99999998.99", "[1.25, -0.01]", "-10.01", null),
            List.of("99999997.99", "[1.25, -0.02]", "-20.01", "-99999999.99"));
  }

  @Test
  void write_valueBeyondThePrecision_rejectedAsABinaryColumnRejectsIt() throws IOException {
    Schema schema = schema();
    for (int p : new int[] {9, 18, 19}) {
      GenericRecord row = rows(schema).get(2);
      row.put("d" + p, new BigDecimal(BigInteger.TEN.pow(p), p / 2));
      assertThatThrownBy(() -> writeWithLake(dir.resolve("too-big-" + p + ".parquet"), schema, List.of(row)))
          .as("precision %d", p).isInstanceOf(SchemaException.class)
          .hasMessage("Field d%d of Amounts: %s does not fit decimal(%d, %d): it needs %d digits; raise "
              + "@Decimal(precision)", p, new BigDecimal(BigInteger.TEN.pow(p), p / 2).toPlainString(), p, p / 2,
              p + 1);
    }
  }

  @Test
  void oldAndNewFiles_sideBySide_sameRowsAndBoundsThroughLakeAndDuckDb() throws Exception {
    Schema schema = schema();
    List<GenericRecord> rows = rows(schema);
    Path old = writeTheOldWay(dir.resolve("lake/part-0.parquet"), schema, rows);
    Path current = dir.resolve("lake/part-1.parquet");
    FileMetrics metrics = writeWithLakeMetrics(current, schema, rows);
    assertThat(footer(old).getFileMetaData().getSchema().getType("d10").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);

    assertThat(values(readWithLake(old, schema))).isEqualTo(values(rows));
    assertThat(values(readWithLake(current, schema))).isEqualTo(values(rows));
    List<List<Object>> both = new ArrayList<>(expectedText(rows));
    both.addAll(expectedText(rows));
    assertThat(duckDb("'" + dir.resolve("lake") + "/*.parquet'")).isEqualTo(both);

    FileMetrics oldMetrics = ParquetMetrics.of(footer(old));
    for (int p : PRECISIONS) {
      for (String column : List.of("d" + p, "n" + p)) {
        ColumnMetrics before = column(oldMetrics, column);
        ColumnMetrics after = column(metrics, column);
        assertThat((byte[]) after.lower()).as(column).isEqualTo((byte[]) before.lower())
            .isEqualTo(BigInteger.TEN.pow(p).subtract(BigInteger.ONE).negate().toByteArray());
        assertThat((byte[]) after.upper()).as(column).isEqualTo((byte[]) before.upper())
            .isEqualTo(BigInteger.TEN.pow(p).subtract(BigInteger.ONE).toByteArray());
        assertThat(after.nullCount()).as(column).isEqualTo(before.nullCount());
        assertThat(after.valueCount()).as(column).isEqualTo(before.valueCount());
      }
    }
  }

  /** The rows' values in field order (GenericRecord.equals cannot compare BigDecimals in unions). */
  private static List<List<Object>> values(List<GenericRecord> rows) {
    List<List<Object>> values = new ArrayList<>();
    for (GenericRecord row : rows) {
      List<Object> fields = new ArrayList<>();
      for (Schema.Field f : row.getSchema().getFields()) {
        fields.add(row.get(f.pos()));
      }
      values.add(fields);
    }
    return values;
  }

  private static ColumnMetrics column(FileMetrics metrics, String path) {
    return metrics.columns().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
  }

  /** Each row's decimals as DuckDB prints them, in the schema's order. */
  private static List<List<Object>> expectedText(List<GenericRecord> rows) {
    List<List<Object>> text = new ArrayList<>();
    for (GenericRecord row : rows) {
      List<Object> values = new ArrayList<>();
      for (Schema.Field f : row.getSchema().getFields()) {
        Object v = row.get(f.pos());
        values.add(v == null ? null : ((BigDecimal) v).toPlainString());
      }
      text.add(values);
    }
    return text;
  }

  private List<List<Object>> duckDb(String glob) throws SQLException {
    StringBuilder columns = new StringBuilder();
    for (Schema.Field f : schema().getFields()) {
      columns.append(columns.isEmpty() ? "" : ", ").append("CAST(").append(f.name()).append(" AS VARCHAR)");
    }
    return query("SELECT " + columns + " FROM read_parquet(" + glob + ", filename = true, file_row_number = true) "
        + "ORDER BY filename, file_row_number");
  }

  static Path writeWithLake(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    writeWithLakeMetrics(file, schema, rows);
    return file;
  }

  private static FileMetrics writeWithLakeMetrics(Path file, Schema schema, List<GenericRecord> rows)
      throws IOException {
    java.nio.file.Files.createDirectories(file.getParent());
    try (RowFileWriter w = FileFormats.newWriter(WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, schema,
        Rows.model(GenericRecord.class)), LocalStore.INSTANCE.newWriter(file.toUri()))) {
      for (GenericRecord row : rows) {
        w.write(row);
      }
      w.commit();
      return w.metrics().orElseThrow();
    }
  }

  /** A file as Lake wrote it before decimals became integers: parquet-avro's layout, binary decimals. */
  static Path writeTheOldWay(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    java.nio.file.Files.createDirectories(file.getParent());
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(file))
        .withSchema(schema).withDataModel(Rows.model(GenericRecord.class)).withConf(conf)
        .withCodecFactory(ParquetCodecs.INSTANCE).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withDictionaryEncoding(true).build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
    return file;
  }

  private static List<GenericRecord> readWithLake(Path file, Schema schema) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.PARQUET, LocalStore.INSTANCE,
        file.toUri(), schema)) {
      while (reader.hasNext()) {
        rows.add(reader.next());
      }
    }
    return rows;
  }

  private static org.apache.parquet.hadoop.metadata.ParquetMetadata footer(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
        ParquetReadOptionsFactory.create(new PlainParquetConfiguration(), ParquetCodecs.INSTANCE))) {
      return reader.getFooter();
    }
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    return ParquetDuckDbTest.query(sql);
  }
}
