package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.SchemaFixtures.Everything;
import dev.lake.SchemaFixtures.Sale;
import dev.lake.exceptions.SchemaException;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowModelTest {
  record Price(String item, @Decimal(precision = 5, scale = 2) BigDecimal amount) {}

  @TempDir
  Path dir;

  private static final List<Sale> SALES = List.of(SchemaFixtures.sale("536365"), SchemaFixtures.bareSale("536366"));

  private <T> List<GenericRecord> avroRoundTrip(Schema schema, Class<?> type, List<T> rows) throws IOException {
    File file = dir.resolve("rows.avro").toFile();
    try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema, Rows.model(type)))) {
      writer.create(schema, file);
      for (T row : rows) {
        writer.append(row);
      }
    }
    List<GenericRecord> out = new ArrayList<>();
    GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(schema, schema, Rows.model(type));
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, datumReader)) {
      reader.forEach(out::add);
    }
    return out;
  }

  private List<GenericRecord> parquetRoundTrip(Schema schema, Class<?> type, List<?> rows) throws IOException {
    Path file = dir.resolve("rows.parquet");
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(file))
        .withSchema(schema)
        .withDataModel(Rows.model(type))
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .build()) {
      for (Object row : rows) {
        writer.write(row);
      }
    }
    List<GenericRecord> out = new ArrayList<>();
    // builder(InputFile) alone would create a Hadoop Configuration, whose shaded dependencies are not on the path.
    try (ParquetReader<GenericRecord> reader = AvroParquetReader
        .<GenericRecord>builder(new LocalInputFile(file), new PlainParquetConfiguration())
        .withDataModel(Rows.model(GenericRecord.class))
        .build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        out.add(row);
      }
    }
    return out;
  }

  private static List<Sale> toSales(List<GenericRecord> rows) {
    return rows.stream().map(r -> Rows.toRecord(r, Sale.class)).collect(Collectors.toList());
  }

  @Test
  void avroWriter_records_readBackEqual() throws IOException {
    List<GenericRecord> rows = avroRoundTrip(Schemas.of(Sale.class), Sale.class, SALES);

    assertThat(rows.get(0).get("customer")).isInstanceOf(GenericRecord.class);
    assertThat(rows.get(1).get("customer")).isNull();
    assertThat(toSales(rows)).isEqualTo(SALES);
  }

  @Test
  void avroWriter_genericRows_readBackEqual() throws IOException {
    List<GenericRecord> generic = SALES.stream().map(Rows::toGeneric).collect(Collectors.toList());

    List<GenericRecord> rows = avroRoundTrip(Schemas.of(Sale.class), GenericRecord.class, generic);

    assertThat(toSales(rows)).isEqualTo(SALES);
  }

  @Test
  void avroWriter_fileSchemaWithoutPartitionColumn_writesTheOtherFields() throws IOException {
    Schema full = Schemas.of(Sale.class);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : full.getFields()) {
      if (!f.name().equals("country") && !f.name().equals("invoice_no")) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    fields.add(0, new Schema.Field(full.getField("invoice_no"), full.getField("invoice_no").schema()));
    Schema file = Schema.createRecord("Sale", null, "dev.lake", false, fields);

    List<GenericRecord> rows = avroRoundTrip(file, Sale.class, SALES);

    assertThat(rows.get(0).getSchema().getField("country")).isNull();
    Sale first = Rows.toRecord(rows.get(0), Sale.class);
    assertThat(first).isEqualTo(new Sale("536365", 6, SALES.get(0).at(), SALES.get(0).day(), SALES.get(0).price(),
        SALES.get(0).status(), SALES.get(0).customer(), SALES.get(0).tags(), SALES.get(0).extras(), null));
  }

  @Test
  void parquetWriter_records_readBackEqual() throws IOException {
    List<GenericRecord> rows = parquetRoundTrip(Schemas.of(Sale.class), Sale.class, SALES);

    assertThat(toSales(rows)).isEqualTo(SALES);
  }

  @Test
  void parquetWriter_fileSchemaWithoutPartitionColumn_writesTheOtherFields() throws IOException {
    Schema full = Schemas.of(Sale.class);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : full.getFields()) {
      if (!f.name().equals("country")) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema file = Schema.createRecord("Sale", null, "dev.lake", false, fields);

    List<GenericRecord> rows = parquetRoundTrip(file, Sale.class, SALES);

    assertThat(rows.get(0).getSchema().getField("country")).isNull();
    assertThat(Rows.toRecord(rows.get(0), Sale.class).invoiceNo()).isEqualTo("536365");
    assertThat(Rows.toRecord(rows.get(0), Sale.class).country()).isNull();
  }

  @Test
  void avroWriter_decimalRescaled_writesAtSchemaScale() throws IOException {
    List<GenericRecord> rows =
        avroRoundTrip(Schemas.of(Price.class), Price.class, List.of(new Price("a", new BigDecimal("2.5"))));

    assertThat(rows.get(0).get("amount")).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void avroWriter_decimalWithTooManyPlaces_failsNamingFieldAndValue() {
    List<Price> prices = List.of(new Price("a", new BigDecimal("2.555")));

    assertThatThrownBy(() -> avroRoundTrip(Schemas.of(Price.class), Price.class, prices))
        .hasRootCauseInstanceOf(ArithmeticException.class)
        .satisfies(e -> assertThat(findSchemaException(e)).hasMessageStartingWith(
            "Field amount of Price: 2.555 does not fit decimal(5, 2): it has more than 2 decimal places"));
  }

  @Test
  void parquetWriter_decimalTooLarge_failsNamingFieldAndValue() {
    List<Price> prices = List.of(new Price("a", new BigDecimal("12345.6")));

    assertThatThrownBy(() -> parquetRoundTrip(Schemas.of(Price.class), Price.class, prices))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Field amount of Price: 12345.6 does not fit decimal(5, 2): it needs 7 digits; "
            + "raise @Decimal(precision)");
  }

  @Test
  void resolveUnion_nullableRecordOfAnyName_picksNonNullBranch() {
    GenericData model = Rows.model(Sale.class);
    Schema union = Schemas.of(Sale.class).getField("customer").schema();

    assertThat(model.resolveUnion(union, null)).isZero();
    assertThat(model.resolveUnion(union, SALES.get(0).customer())).isEqualTo(1);
  }

  @Test
  void getField_positionOfAnotherSchema_readsByName() {
    GenericData model = Rows.model(Sale.class);
    Sale sale = SALES.get(0);

    assertThat(model.getField(sale, "country", 0)).isEqualTo("UK");
    assertThat(model.getField(sale, "quantity", 1)).isEqualTo(6);
    assertThat(model.getField(sale, "status", 1)).hasToString("PAID");
    assertThat(model.getField(sale, "missing", 1)).isNull();
    assertThat(model.getField(Rows.toGeneric(sale), "country", 0)).isEqualTo("UK");
  }

  @Test
  void avroAndParquetWriters_everySupportedType_readBackEqual() throws IOException {
    Everything row = new Everything(1, 2L, 3.5, 4.5f, true, (short) 5, (byte) 6, 7, 8L, 9.5, false, "text",
        SchemaFixtures.Status.REFUNDED, new SchemaFixtures.Team("t", 2), List.of("x"), Set.of(1L, 2L),
        Map.of("a", 1), new byte[] {1, 2}, ByteBuffer.wrap(new byte[] {3}),
        Instant.parse("2024-01-02T03:04:05.123456Z"),
        LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), LocalTime.of(3, 4, 5, 123_000),
        new BigDecimal("1.5"), new BigDecimal("99.99"), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    Schema schema = Schemas.of(Everything.class);

    for (List<GenericRecord> rows : List.of(avroRoundTrip(schema, Everything.class, List.of(row)),
        parquetRoundTrip(schema, Everything.class, List.of(row)))) {
      Everything back = Rows.toRecord(rows.get(0), Everything.class);
      assertThat(back).usingRecursiveComparison().ignoringFields("plain").isEqualTo(row);
      assertThat(back.plain()).isEqualTo(new BigDecimal("1.5000000000"));
    }
  }

  private static SchemaException findSchemaException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SchemaException s) {
        return s;
      }
    }
    throw new AssertionError("No SchemaException in " + e);
  }
}
