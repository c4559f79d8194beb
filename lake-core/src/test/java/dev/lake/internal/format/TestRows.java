package dev.lake.internal.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Rows with every type the formats support, and a test-only model that reads GenericRecords by field name (as the
 * real row models do). The rows' own schema has an extra leading field the file schema lacks, so every test also
 * checks that fields are looked up by name, not by position.
 */
final class TestRows {
  static final Schema FILE_SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "Sale", "namespace": "test", "fields": [
        {"name": "id", "type": "int"},
        {"name": "quantity", "type": "long"},
        {"name": "price", "type": "double"},
        {"name": "weight", "type": "float"},
        {"name": "paid", "type": "boolean"},
        {"name": "name", "type": "string"},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "payload", "type": "bytes"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "shipped", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}], "default": null},
        {"name": "local", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
          {"name": "id", "type": "long"}, {"name": "country", "type": ["null", "string"]}]}},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "counts", "type": {"type": "map", "values": "long"}}
      ]}""");

  /** The rows' schema: {@code year} first (a partition column the file omits), then the file's fields. */
  static final Schema ROW_SCHEMA = rowSchema();

  /** A model like {@code Rows.model(...)}: fields by name, logical types as Java values. */
  static final GenericData MODEL = new GenericData() {
    {
      addLogicalTypeConversion(new TimeConversions.DateConversion());
      addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
      addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
      addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
      addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    @Override
    public Object getField(Object record, String name, int position) {
      return ((GenericRecord) record).get(name);
    }
  };

  private TestRows() {}

  private static Schema rowSchema() {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(new Schema.Field("year", Schema.create(Schema.Type.INT)));
    for (Schema.Field f : FILE_SCHEMA.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    return Schema.createRecord("SaleRow", null, "test", false, fields);
  }

  static List<GenericRecord> rows() {
    Schema customer = FILE_SCHEMA.getField("customer").schema();
    Schema status = FILE_SCHEMA.getField("status").schema();
    return List.of(
        row(1, "Mug, \"large\"\nblue é", "fragile", Instant.parse("2011-01-05T08:26:00Z"),
            Instant.parse("2011-01-06T10:00:00.5Z"), new BigDecimal("1234.50"),
            new GenericRecordBuilder(customer).set("id", 17850L).set("country", "United Kingdom").build(),
            List.of("kitchen", "gift"), new TreeMap<>(Map.of("a", 1L, "b", 2L)), new GenericData.EnumSymbol(status, "NEW")),
        row(2, "Plate", null, Instant.parse("2011-12-09T12:50:00.123456Z"), null, new BigDecimal("-0.05"),
            new GenericRecordBuilder(customer).set("id", 12680L).set("country", null).build(),
            List.of(), Map.of(), new GenericData.EnumSymbol(status, "SHIPPED")));
  }

  private static GenericRecord row(int id, String name, String note, Instant at, Instant shipped, BigDecimal amount,
      GenericRecord customer, List<String> tags, Map<String, Long> counts, Object status) {
    return new GenericRecordBuilder(ROW_SCHEMA)
        .set("year", 2011)
        .set("id", id)
        .set("quantity", 6_000_000_000L + id)
        .set("price", 2.55 * id)
        .set("weight", 0.25f * id)
        .set("paid", id % 2 == 1)
        .set("name", name)
        .set("note", note)
        .set("payload", ByteBuffer.wrap(("bytes-" + id).getBytes(StandardCharsets.UTF_8)))
        .set("status", status)
        .set("day", LocalDate.of(2011, 1, 4 + id))
        .set("at", at)
        .set("shipped", shipped)
        .set("local", LocalDateTime.of(2011, 1, 5, 8, 26, 0, 123_456_000 * (id - 1)))
        .set("amount", amount)
        .set("customer", customer)
        .set("tags", tags)
        .set("counts", counts)
        .build();
  }

  /**
   * A value as plain Java for comparison: records as maps of the file schema's fields, lists as lists, maps sorted,
   * bytes as hex, enums as names. Strings stay as they are, so a {@code Utf8} would not equal a {@code String}.
   */
  static Object plain(Object value) {
    if (value instanceof GenericRecord r) {
      Map<String, Object> map = new LinkedHashMap<>();
      Schema schema = r.getSchema().getName().equals("SaleRow") ? FILE_SCHEMA : r.getSchema();
      for (Schema.Field f : schema.getFields()) {
        map.put(f.name(), plain(r.get(f.name())));
      }
      return map;
    } else if (value instanceof List<?> list) {
      return list.stream().map(TestRows::plain).toList();
    } else if (value instanceof Map<?, ?> m) {
      Map<Object, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(k, plain(v)));
      return sorted;
    } else if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return HexFormat.of().formatHex(bytes);
    } else if (value instanceof GenericFixed f) {
      return HexFormat.of().formatHex(f.bytes());
    } else if (value instanceof GenericEnumSymbol<?> e) {
      return e.toString();
    }
    return value;
  }
}
