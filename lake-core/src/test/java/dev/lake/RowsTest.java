package dev.lake;

import static dev.lake.SchemaFixtures.Sale;
import static dev.lake.SchemaFixtures.Status;
import static dev.lake.SchemaFixtures.Team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SchemaException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RowsTest {
  record Counts(int small, long big, short tiny, double ratio, Set<Integer> ids, Map<String, Long> totals) {}

  record Blob(byte[] data, Status status) {}

  private static final Schema REORDERED = SchemaBuilder.record("Sale").fields()
      .optionalString("country")
      .requiredInt("quantity")
      .optionalString("invoice_no")
      .optionalString("unknown")
      .endRecord();

  @Test
  void factory_schemaInRecordOrder_buildsRecord() {
    Sale sale = SchemaFixtures.sale("536365");
    GenericRecord generic = Rows.toGeneric(sale);
    Object[] values = new Object[generic.getSchema().getFields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = generic.get(i);
    }

    assertThat(Rows.factory(Sale.class, Schemas.of(Sale.class)).create(values)).isEqualTo(sale);
  }

  @Test
  void factory_valuesArrayFilledAgain_earlierRowsUnchanged() {
    RowFactory<Sale> records = Rows.factory(Sale.class, REORDERED);
    Object[] values = {"UK", 6, "536365", null};
    Sale first = records.create(values);
    values[0] = "France";
    values[1] = 7;
    values[2] = "536366";
    Sale second = records.create(values);

    Schema schema = Schemas.of(Sale.class);
    RowFactory<GenericRecord> generic = Rows.factory(GenericRecord.class, schema);
    Object[] genericValues = new Object[schema.getFields().size()];
    genericValues[0] = "536365";
    GenericRecord firstGeneric = generic.create(genericValues);
    genericValues[0] = "536366";
    GenericRecord secondGeneric = generic.create(genericValues);

    assertThat(first.country()).isEqualTo("UK");
    assertThat(first.quantity()).isEqualTo(6);
    assertThat(first.invoiceNo()).isEqualTo("536365");
    assertThat(second.country()).isEqualTo("France");
    assertThat(second.invoiceNo()).isEqualTo("536366");
    assertThat(firstGeneric.get(0)).isEqualTo("536365");
    assertThat(secondGeneric.get(0)).isEqualTo("536366");
  }

  @Test
  void factory_reorderedAndMissingFields_matchesByNameAndDefaultsTheRest() {
    Sale sale = Rows.factory(Sale.class, REORDERED).create(new Object[] {"UK", 6, "536365", "ignored"});

    assertThat(sale).isEqualTo(new Sale("536365", 6, null, null, null, null, null, null, null, "UK"));
  }

  @Test
  void factory_nullForPrimitive_failsNamingTheField() {
    RowFactory<Sale> factory = Rows.factory(Sale.class, REORDERED);

    assertThatThrownBy(() -> factory.create(new Object[] {"UK", null, "536365", null}))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Field quantity of Sale is an int and cannot be null");
  }

  @Test
  void factory_wrongNumberOfValues_fails() {
    assertThatThrownBy(() -> Rows.factory(Sale.class, REORDERED).create(new Object[] {"UK"}))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("Expected 4 values for the fields of Sale but got 1");
  }

  @Test
  void factory_numericWidthsAndCollections_coercesToComponentTypes() {
    RowFactory<Counts> factory = Rows.factory(Counts.class, Schemas.of(Counts.class));

    Counts counts = factory.create(new Object[] {7L, 8, 3L, 1.5f, List.of(1L, 2L, 2L), Map.of(new Utf8("a"), 1)});

    assertThat(counts).isEqualTo(new Counts(7, 8L, (short) 3, 1.5, Set.of(1, 2), Map.of("a", 1L)));
  }

  @Test
  void factory_longTooBigForInt_failsNamingFieldAndValue() {
    RowFactory<Counts> factory = Rows.factory(Counts.class, Schemas.of(Counts.class));

    assertThatThrownBy(() -> factory.create(new Object[] {5_000_000_000L, 1L, 1, 1.0, null, null}))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Field small of Counts is an int but 5000000000 is out of range");
  }

  @Test
  void factory_wrongType_failsNamingFieldAndValue() {
    RowFactory<Counts> factory = Rows.factory(Counts.class, Schemas.of(Counts.class));

    assertThatThrownBy(() -> factory.create(new Object[] {"abc", 1L, 1, 1.0, null, null}))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Field small of Counts expects an int but was String 'abc'");
  }

  @Test
  void factory_stringsForEnumAndBufferForBytes_converts() {
    Blob blob = Rows.factory(Blob.class, Schemas.of(Blob.class))
        .create(new Object[] {ByteBuffer.wrap(new byte[] {1, 2}), "REFUNDED"});

    assertThat(blob.data()).containsExactly(1, 2);
    assertThat(blob.status()).isEqualTo(Status.REFUNDED);
  }

  @Test
  void factory_genericRecordClass_makesGenericRows() {
    GenericRecord row = Rows.factory(GenericRecord.class, REORDERED).create(new Object[] {"UK", 6, "1", null});

    assertThat(row.getSchema()).isSameAs(REORDERED);
    assertThat(row.get("quantity")).isEqualTo(6);
  }

  @Test
  void toGenericThenToRecord_fullRow_equalsOriginal() {
    Sale sale = SchemaFixtures.sale("536365");

    GenericRecord generic = Rows.toGeneric(sale);

    assertThat(generic.get("invoice_no")).isEqualTo("536365");
    assertThat(generic.get("at")).isEqualTo(Instant.parse("2011-12-01T08:26:00.123456Z"));
    assertThat(generic.get("day")).isEqualTo(LocalDate.of(2011, 12, 1));
    assertThat(generic.get("price")).isEqualTo(new BigDecimal("2.55"));
    assertThat(generic.get("status")).hasToString("PAID");
    assertThat(generic.get("customer")).isInstanceOf(GenericRecord.class);
    assertThat(Rows.toRecord(generic, Sale.class)).isEqualTo(sale);
  }

  @Test
  void toGenericThenToRecord_nullsAndEmptyCollections_equalsOriginal() {
    Sale sale = SchemaFixtures.bareSale("1");

    assertThat(Rows.toRecord(Rows.toGeneric(sale), Sale.class)).isEqualTo(sale);
  }

  @Test
  void toGeneric_genericRecord_returnsItAsIs() {
    GenericRecord row = new GenericData.Record(REORDERED);

    assertThat(Rows.toGeneric(row)).isSameAs(row);
  }

  @Test
  void toRecord_rawAvroValues_convertsUsingTheSchema() {
    GenericRecord customer = new GenericData.Record(Schemas.of(Team.class));
    customer.put("name", new Utf8("ACME"));
    customer.put("rank", 1);
    GenericRecord row = new GenericData.Record(Schemas.of(Sale.class));
    row.put("invoice_no", new Utf8("1"));
    row.put("quantity", 2L);
    row.put("at", 1_000_001L);
    row.put("day", 1);
    row.put("price", ByteBuffer.wrap(new BigDecimal("2.55").unscaledValue().toByteArray()));
    row.put("status", new GenericData.EnumSymbol(null, "PAID"));
    row.put("customer", customer);

    Sale sale = Rows.toRecord(row, Sale.class);

    assertThat(sale).isEqualTo(new Sale("1", 2, Instant.ofEpochSecond(1, 1000), LocalDate.of(1970, 1, 2),
        new BigDecimal("2.55"), Status.PAID, new Team("ACME", 1), null, null, null));
  }

  @Test
  void schemaOf_recordAndGenericRow_returnsTheirSchemas() {
    assertThat(Rows.schemaOf(SchemaFixtures.sale("1"))).isSameAs(Schemas.of(Sale.class));
    assertThat(Rows.schemaOf(new GenericData.Record(REORDERED))).isSameAs(REORDERED);
  }

  @Test
  void model_notARecord_failsWithSchemaException() {
    assertThatThrownBy(() -> Rows.model(String.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("java.lang.String: it is not a Java record");
  }
  record Reading(String id, Instant at, BigDecimal value) {}

  @Test
  void toJson_recordAndGenericRow_renderSameLine() {
    Reading r = new Reading("a\"1", Instant.parse("2011-01-05T08:26:00Z"), new BigDecimal("2.50"));

    String json = Rows.toJson(r);

    assertThat(json).isEqualTo("{\"id\":\"a\\\"1\",\"at\":\"2011-01-05T08:26:00Z\",\"value\":2.5000000000}"); // decimal(38, 10) by default
    assertThat(Rows.toJson(Rows.toGeneric(r))).isEqualTo(json);
  }
  @Test
  void fromJson_toJsonLine_roundTrips() {
    Reading r = new Reading("a", Instant.parse("2011-01-05T08:26:00Z"), new BigDecimal("2.5000000000"));

    assertThat(Rows.fromJson(Rows.toJson(r), Reading.class)).isEqualTo(r);
  }

  @Test
  void fromJson_badValueOrNotAnObject_failsNamingIt() {
    assertThatThrownBy(() -> Rows.fromJson("{\"id\":\"a\",\"at\":\"yesterday\"}", Reading.class))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Expected a timestamp but was 'yesterday' at at");
    assertThatThrownBy(() -> Rows.fromJson("[1]", Reading.class))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Expected a JSON object but was ARRAY");
    assertThatThrownBy(() -> Rows.fromJson("{\"id\":", Reading.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("Malformed JSON: ");
  }
}
