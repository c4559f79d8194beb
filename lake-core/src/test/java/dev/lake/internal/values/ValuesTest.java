package dev.lake.internal.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema LONG = Schema.create(Schema.Type.LONG);
  private static final Schema INT = Schema.create(Schema.Type.INT);
  private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema TS_MICROS = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema TS_MILLIS = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema LOCAL_TS =
      LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema DATE = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  private static final Schema DECIMAL = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));

  private static Schema nullable(Schema s) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), s);
  }

  @Test
  void parse_scalars_javaValues() {
    assertThat(Values.parse("536365", LONG)).isEqualTo(536365L);
    assertThat(Values.parse("-6", INT)).isEqualTo(-6);
    assertThat(Values.parse("2.55", DOUBLE)).isEqualTo(2.55);
    assertThat(Values.parse("2.5", Schema.create(Schema.Type.FLOAT))).isEqualTo(2.5f);
    assertThat(Values.parse("TRUE", Schema.create(Schema.Type.BOOLEAN))).isEqualTo(true);
    assertThat(Values.parse("0", Schema.create(Schema.Type.BOOLEAN))).isEqualTo(false);
    assertThat(Values.parse("WHITE METAL LANTERN", STRING)).isEqualTo("WHITE METAL LANTERN");
    assertThat(Values.parse("2.55", DECIMAL)).isEqualTo(new BigDecimal("2.55"));
    assertThat(Values.parse("3", DECIMAL)).isEqualTo(new BigDecimal("3.00"));
    assertThat(Values.parse(" 42 ", LONG)).isEqualTo(42L);
  }

  @Test
  void parse_integralDecimalIntoLong_exactValue() {
    assertThat(Values.parse("17850.0", LONG)).isEqualTo(17850L);
    assertThat(Values.parse("1.54199E+12", LONG)).isEqualTo(1_541_990_000_000L);
    assertThat(Values.parse("9223372036854775807", LONG)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void parse_fractionIntoLong_throwsWithExpectedAndActual() {
    assertThatThrownBy(() -> Values.parse("17850.5", LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a long but was '17850.5'");
    assertThatThrownBy(() -> Values.parse("abc", LONG)).hasMessage("Expected a long but was 'abc'");
    assertThatThrownBy(() -> Values.parse("3000000000", INT)).hasMessage("Expected an int but was '3000000000'");
    assertThatThrownBy(() -> Values.parse("1.5d", DOUBLE)).hasMessage("Expected a double but was '1.5d'");
    assertThatThrownBy(() -> Values.parse("maybe", Schema.create(Schema.Type.BOOLEAN)))
        .hasMessage("Expected a boolean but was 'maybe'");
    assertThatThrownBy(() -> Values.parse("2.555", DECIMAL)).hasMessage("Expected a decimal(10,2) but was '2.555'");
  }

  @Test
  void parse_emptyText_nullWhenNullableElseError() {
    assertThat(Values.parse("", nullable(LONG))).isNull();
    assertThat(Values.parse("", nullable(STRING))).isNull();
    assertThat(Values.parse(null, nullable(TS_MICROS))).isNull();
    assertThat(Values.parse("", STRING)).isEqualTo("");
    assertThatThrownBy(() -> Values.parse("", LONG)).hasMessage("Expected a long but was ''");
    assertThatThrownBy(() -> Values.parse(null, LONG)).hasMessage("Expected a long but was null");
  }

  @Test
  void parse_timestamps_allFormatsAsInstant() {
    Instant expected = Instant.parse("2010-12-01T08:26:00Z");
    assertThat(Values.parse("2010-12-01 08:26:00", TS_MICROS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01T08:26:00", TS_MICROS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01T08:26:00Z", TS_MILLIS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01T09:26:00+01:00", TS_MICROS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01 03:26:00-0500", TS_MICROS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01 08:26", TS_MICROS)).isEqualTo(expected);
    assertThat(Values.parse("2010-12-01T08:26:00.123456Z", TS_MICROS))
        .isEqualTo(Instant.parse("2010-12-01T08:26:00.123456Z"));
    assertThat(Values.parse("1291191960000", TS_MILLIS)).isEqualTo(expected);
    assertThat(Values.parse("2012-02-29", TS_MICROS)).isEqualTo(Instant.parse("2012-02-29T00:00:00Z"));
  }

  @Test
  void parse_badTimestamps_throw() {
    assertThatThrownBy(() -> Values.parse("2011-02-29 10:00:00", TS_MICROS))
        .hasMessage("Expected a timestamp but was '2011-02-29 10:00:00'");
    assertThatThrownBy(() -> Values.parse("12/1/2010 8:26", TS_MICROS))
        .hasMessage("Expected a timestamp but was '12/1/2010 8:26'");
    assertThatThrownBy(() -> Values.parse("2010-12-01 25:00:00", TS_MICROS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_localTimestampDateAndTime_localValues() {
    assertThat(Values.parse("2010-12-01 08:26:00", LOCAL_TS)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(Values.parse("2011-01-05T08:26:00Z", LOCAL_TS)).isEqualTo(LocalDateTime.of(2011, 1, 5, 8, 26));
    assertThat(Values.parse("2010-12-01", DATE)).isEqualTo(LocalDate.of(2010, 12, 1));
    Schema time = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    assertThat(Values.parse("08:26:30", time)).isEqualTo(LocalTime.of(8, 26, 30));
    assertThatThrownBy(() -> Values.parse("2010-12-01 08:26:00", DATE))
        .hasMessage("Expected a date but was '2010-12-01 08:26:00'");
  }

  @Test
  void parse_bytesEnumAndJsonText_values() {
    String b64 = Base64.getEncoder().encodeToString("hi".getBytes(StandardCharsets.UTF_8));
    assertThat(Values.parse(b64, Schema.create(Schema.Type.BYTES))).isEqualTo(ByteBuffer.wrap("hi".getBytes()));
    Schema suit = Schema.createEnum("Suit", null, null, List.of("HEARTS", "SPADES"));
    assertThat(Values.parse("HEARTS", suit).toString()).isEqualTo("HEARTS");
    assertThatThrownBy(() -> Values.parse("CLUBS", suit)).hasMessage("Expected one of [HEARTS, SPADES] but was 'CLUBS'");
    assertThat(Values.parse("[1,2]", Schema.createArray(LONG))).isEqualTo(List.of(1L, 2L));
    assertThat(Values.parse("{\"a\":1.5}", Schema.createMap(DOUBLE))).isEqualTo(Map.of("a", 1.5));
  }

  @Test
  void fromJson_scalarsAndEpochMillis_values() throws Exception {
    assertThat(Values.fromJson(JSON.readTree("1543537327796"), TS_MILLIS))
        .isEqualTo(Instant.ofEpochMilli(1543537327796L));
    assertThat(Values.fromJson(JSON.readTree("1540991795796.0"), LONG)).isEqualTo(1540991795796L);
    assertThat(Values.fromJson(JSON.readTree("\"91\""), LONG)).isEqualTo(91L);
    assertThat(Values.fromJson(JSON.readTree("829"), STRING)).isEqualTo("829");
    assertThat(Values.fromJson(JSON.readTree("337.68444"), DOUBLE)).isEqualTo(337.68444);
    assertThat(Values.fromJson(JSON.readTree("true"), Schema.create(Schema.Type.BOOLEAN))).isEqualTo(true);
    assertThat(Values.fromJson(JSON.readTree("\"2011-01-05T08:26:00Z\""), TS_MICROS))
        .isEqualTo(Instant.parse("2011-01-05T08:26:00Z"));
    assertThat(Values.fromJson(JSON.readTree("2.5"), DECIMAL)).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void fromJson_nullAndEmpty_nullForNullable() throws Exception {
    assertThat(Values.fromJson(JSON.readTree("null"), nullable(DOUBLE))).isNull();
    assertThat(Values.fromJson(null, nullable(DOUBLE))).isNull();
    assertThat(Values.fromJson(JSON.readTree("\"\""), nullable(LONG))).isNull();
    assertThat(Values.fromJson(JSON.readTree("\"\""), nullable(STRING))).isEqualTo("");
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("null"), DOUBLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a double but was null");
  }

  @Test
  void fromJson_wrongTypes_throwWithShownValue() throws Exception {
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("337.5"), LONG))
        .hasMessage("Expected a long but was 337.5");
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("{\"a\":1}"), LONG))
        .hasMessage("Expected a long but was an object");
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("\"x\""), Schema.create(Schema.Type.BOOLEAN)))
        .hasMessage("Expected a boolean but was 'x'");
  }

  @Test
  void fromJson_nestedRecord_genericRecordsMatchedByNormalisedNames() throws Exception {
    Schema location = SchemaBuilder.record("Location").fields()
        .optionalDouble("lat").optionalDouble("lon").endRecord();
    Schema song = SchemaBuilder.record("Song").fields()
        .requiredString("song_id")
        .name("location").type(nullable(location)).withDefault(null)
        .name("tags").type(Schema.createArray(STRING)).noDefault()
        .endRecord();
    GenericRecord r = (GenericRecord) Values.fromJson(JSON.readTree(
        "{\"songId\":\"SO1\",\"location\":{\"lat\":1.5},\"tags\":[\"a\",\"b\"],\"extra\":true}"), song);
    assertThat(r.get("song_id")).isEqualTo("SO1");
    assertThat(((GenericRecord) r.get("location")).get("lat")).isEqualTo(1.5);
    assertThat(((GenericRecord) r.get("location")).get("lon")).isNull();
    assertThat(r.get("tags")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void fromJson_badNestedValue_messageHasPath() throws Exception {
    Schema inner = SchemaBuilder.record("Inner").fields().requiredLong("year").endRecord();
    Schema outer = SchemaBuilder.record("Outer").fields().name("song").type(inner).noDefault().endRecord();
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("{\"song\":{\"year\":\"at x\"}}"), outer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a long but was 'at x' at song.year");
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("[1, \"b\"]"), Schema.createArray(LONG)))
        .hasMessage("Expected a long but was 'b' at [1]");
  }

  @Test
  void cast_betweenJavaTypes_convertsWithoutLoss() {
    assertThat(Values.cast("12", LONG)).isEqualTo(12L);
    assertThat(Values.cast(12, LONG)).isEqualTo(12L);
    assertThat(Values.cast(12.0, INT)).isEqualTo(12);
    assertThat(Values.cast(1.5, STRING)).isEqualTo("1.5");
    assertThat(Values.cast(new BigDecimal("2.50"), STRING)).isEqualTo("2.50");
    assertThat(Values.cast(3L, DOUBLE)).isEqualTo(3.0);
    assertThat(Values.cast(new org.apache.avro.util.Utf8("7"), LONG)).isEqualTo(7L);
    assertThat(Values.cast(null, nullable(LONG))).isNull();
    Instant at = Instant.parse("2010-12-01T08:26:00Z");
    assertThat(Values.cast(at, LOCAL_TS)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(Values.cast(LocalDateTime.of(2010, 12, 1, 8, 26), TS_MICROS)).isEqualTo(at);
    assertThat(Values.cast(at.toEpochMilli(), TS_MILLIS)).isEqualTo(at);
    assertThat(Values.cast(LocalDate.of(2010, 12, 1), DATE)).isEqualTo(LocalDate.of(2010, 12, 1));
    assertThat(Values.cast(2.5, DECIMAL)).isEqualTo(new BigDecimal("2.50"));
    assertThat(Values.cast(List.of(1, 2), Schema.createArray(LONG))).isEqualTo(List.of(1L, 2L));
  }

  @Test
  void cast_recordToOtherSchema_copiesFieldsByName() {
    Schema a = SchemaBuilder.record("A").fields().requiredLong("x").requiredString("y").endRecord();
    Schema b = SchemaBuilder.record("B").fields().requiredString("x").endRecord();
    GenericData.Record r = new GenericData.Record(a);
    r.put("x", 5L);
    r.put("y", "why");
    assertThat(((GenericRecord) Values.cast(r, b)).get("x")).isEqualTo("5");
  }

  @Test
  void cast_lossyOrUnsupported_throws() {
    assertThatThrownBy(() -> Values.cast(1.5, LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a long but was 1.5 (Double)");
    assertThatThrownBy(() -> Values.cast(true, DOUBLE)).hasMessage("Expected a double but was true (Boolean)");
    assertThatThrownBy(() -> Values.cast(null, LONG)).hasMessage("Expected a long but was null");
  }

  @Test
  void parseRange_sameValueOrErrorAsTheSubstring() {
    Schema decimal = LogicalTypes.decimal(10, 3).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema fixedDecimal = LogicalTypes.decimal(4, 2).addToSchema(Schema.createFixed("d", null, null, 2));
    Schema nullableLong = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG));
    Schema nullableDecimal = Schema.createUnion(Schema.create(Schema.Type.NULL), decimal);
    Schema timestamp = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    List<Schema> schemas = List.of(Schema.create(Schema.Type.INT), Schema.create(Schema.Type.LONG), decimal,
        fixedDecimal, nullableLong, nullableDecimal, timestamp, Schema.create(Schema.Type.DOUBLE),
        Schema.create(Schema.Type.STRING), Schema.createUnion(Schema.create(Schema.Type.LONG),
            Schema.create(Schema.Type.STRING)));
    List<String> texts = List.of("12", "-3", "+4", "007", "17850.0", "17850.", "17850.5", "2.55", "2.550", "2.5555",
        "2.5500", ".5", "5.", "-0.00", "-", "+", ".", "", " 7 ", "12x", "1e3", "2..5", "2147483647", "2147483648",
        "-2147483648", "9223372036854775807", "9223372036854775808", "123456789012345678", "1234567890123456789",
        "99999999.999", "9999999.999", "99.99", "999.9", "2010-12-01 08:26:00", "1291191960000", "abc");
    for (Schema schema : schemas) {
      for (String text : texts) {
        String line = "x," + text + ",y";
        Object expected;
        try {
          expected = Values.parse(text, schema);
        } catch (IllegalArgumentException e) {
          assertThatThrownBy(() -> Values.parse(line, 2, 2 + text.length(), schema))
              .as("%s as %s", text, schema).isInstanceOf(IllegalArgumentException.class).hasMessage(e.getMessage());
          continue;
        }
        Object actual = Values.parse(line, 2, 2 + text.length(), schema);
        assertThat(actual).as("%s as %s", text, schema).isEqualTo(expected);
        if (expected instanceof BigDecimal d) {
          assertThat(((BigDecimal) actual).scale()).isEqualTo(d.scale());
        }
      }
    }
  }

  @Test
  void unionOfSeveralTypes_firstBranchThatTakesTheValue_elseTheUnionsError() throws Exception {
    Schema longOrBoolean = Schema.createUnion(LONG, Schema.create(Schema.Type.BOOLEAN));
    Schema nullableLongOrDate = Schema.createUnion(Schema.create(Schema.Type.NULL), LONG, DATE);

    assertThat(Values.parse("12", longOrBoolean)).isEqualTo(12L);
    assertThat(Values.parse("true", longOrBoolean)).isEqualTo(true);
    assertThat(Values.parse("2010-12-01", nullableLongOrDate)).isEqualTo(LocalDate.of(2010, 12, 1));
    assertThat(Values.parse("", nullableLongOrDate)).isNull();
    assertThatThrownBy(() -> Values.parse("maybe", longOrBoolean))
        .hasMessage("Expected one of [\"long\", \"boolean\"] but was 'maybe'");
    assertThat(Values.fromJson(JSON.readTree("false"), longOrBoolean)).isEqualTo(false);
    assertThat(Values.fromJson(JSON.readTree("\"\""), nullableLongOrDate)).isNull();
    assertThatThrownBy(() -> Values.fromJson(JSON.readTree("{\"a\":1}"), longOrBoolean))
        .hasMessage("Expected one of [\"long\", \"boolean\"] but was an object");
    assertThat(Values.cast(7, longOrBoolean)).isEqualTo(7L);
    assertThat(Values.cast(Boolean.TRUE, longOrBoolean)).isEqualTo(true);
    assertThatThrownBy(() -> Values.cast(1.5, longOrBoolean))
        .hasMessage("Expected one of [\"long\", \"boolean\"] but was 1.5 (Double)");
  }

  @Test
  void errors_describeEachLogicalType() {
    Schema time = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));

    assertThatThrownBy(() -> Values.parse("x", TS_MILLIS)).hasMessage("Expected a timestamp but was 'x'");
    assertThatThrownBy(() -> Values.parse("x", LOCAL_TS)).hasMessage("Expected a local timestamp but was 'x'");
    assertThatThrownBy(() -> Values.parse("x", DATE)).hasMessage("Expected a date but was 'x'");
    assertThatThrownBy(() -> Values.parse("x", time)).hasMessage("Expected a time but was 'x'");
    assertThatThrownBy(() -> Values.cast(1.5, TS_MICROS))
        .hasMessage("Expected a timestamp but was 1.5 (Double)");
    assertThatThrownBy(() -> Values.cast(new Object[0], Schema.create(Schema.Type.BOOLEAN)))
        .hasMessageStartingWith("Expected a boolean but was '[Ljava.lang.Object;");
  }

  @Test
  void epochNumbers_temporalOfEachKind() throws Exception {
    Instant at = Instant.parse("2010-12-01T08:26:00Z");

    assertThat(Values.parse("1291191960000", LOCAL_TS)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(Values.parse("14944", DATE)).isEqualTo(LocalDate.of(2010, 12, 1));
    assertThat(Values.parse("1.29119196E12", TS_MILLIS)).isEqualTo(at);
    assertThatThrownBy(() -> Values.parse("1291191960000.5", TS_MILLIS))
        .hasMessage("Expected a timestamp but was '1291191960000.5'");
    assertThat(Values.fromJson(JSON.readTree("1291191960000"), LOCAL_TS))
        .isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThat(Values.cast(java.time.OffsetDateTime.parse("2010-12-01T09:26:00+01:00"), LOCAL_TS))
        .isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
    assertThatThrownBy(() -> Values.cast(at, DATE))
        .hasMessage("Expected a date but was '2010-12-01T08:26:00Z' (Instant)");
  }

  @Test
  void toLong_exactOrNull() {
    assertThat(TextValues.toLong("17850")).isEqualTo(17850L);
    assertThat(TextValues.toLong("+17850.")).isEqualTo(17850L);
    assertThat(TextValues.toLong("-17850.000")).isEqualTo(-17850L);
    assertThat(TextValues.toLong("123456789012345678.0")).isEqualTo(123_456_789_012_345_678L);
    assertThat(TextValues.toLong("1234567890123456789")).isEqualTo(1_234_567_890_123_456_789L);
    assertThat(TextValues.toLong("1.5E3")).isEqualTo(1500L);
    assertThat(TextValues.toLong("2.50E1")).isEqualTo(25L);
    assertThat(TextValues.toLong("9223372036854775808")).isNull();
    assertThat(TextValues.toLong("17850.5")).isNull();
    assertThat(TextValues.toLong(".0")).isNull();
    assertThat(TextValues.toLong("-.5")).isNull();
    assertThat(TextValues.toLong("-")).isNull();
    assertThat(TextValues.toLong("")).isNull();
    assertThat(TextValues.toLong("12x")).isNull();
    assertThat(TextValues.toLong("1".repeat(41))).isNull();
  }

  @Test
  void wholeNumbersAndBinary_sameRulesForTextAndJavaValues() {
    Schema fixed2 = Schema.createFixed("two", null, null, 2);
    String ab = Base64.getEncoder().encodeToString("ab".getBytes(StandardCharsets.UTF_8));
    String abc = Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8));

    assertThat(Values.parse(" 42 ", INT)).isEqualTo(42);
    assertThat(Values.parse("2147483647.0", INT)).isEqualTo(Integer.MAX_VALUE);
    assertThat(Values.cast(2147483647L, INT)).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> Values.cast(2147483648L, INT)).hasMessage("Expected an int but was 2147483648 (Long)");
    assertThat(Values.cast(Instant.ofEpochMilli(1500), LONG)).isEqualTo(1500L);
    assertThatThrownBy(() -> Values.cast(Instant.ofEpochMilli(1500), INT))
        .hasMessage("Expected an int but was '1970-01-01T00:00:01.500Z' (Instant)");
    assertThat(((GenericData.Fixed) Values.parse(ab, fixed2)).bytes()).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Values.parse(abc, fixed2))
        .hasMessage("Expected base64 bytes of length 2 but was '" + abc + "'");
    assertThatThrownBy(() -> Values.parse("not base64!", Schema.create(Schema.Type.BYTES)))
        .hasMessage("Expected base64 bytes but was 'not base64!'");
    assertThat(((GenericData.Fixed) Values.cast(ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)), fixed2))
        .bytes()).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Values.cast("abc".getBytes(StandardCharsets.UTF_8), fixed2))
        .hasMessageStartingWith("Expected base64 bytes of length 2 but was '[B@").hasMessageEndingWith("' (byte[])");
  }
}
