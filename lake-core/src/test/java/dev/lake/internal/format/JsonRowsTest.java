package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SchemaException;
import java.math.BigDecimal;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

class JsonRowsTest {

  @Test
  void toJson_everyType_rendersIsoTimesExactDecimalsAndBase64() {
    String json = JsonRows.toJson(TestRows.rows().get(0), TestRows.FILE_SCHEMA, TestRows.MODEL);

    assertThat(json).isEqualTo("{\"id\":1,\"quantity\":6000000001,\"price\":2.55,\"weight\":0.25,\"paid\":true,"
        + "\"name\":\"Mug, \\\"large\\\"\\nblue é\",\"note\":\"fragile\",\"payload\":\"Ynl0ZXMtMQ==\","
        + "\"status\":\"NEW\",\"day\":\"2011-01-05\",\"at\":\"2011-01-05T08:26:00Z\","
        + "\"shipped\":\"2011-01-06T10:00:00.500Z\",\"local\":\"2011-01-05T08:26:00\",\"amount\":1234.50,"
        + "\"customer\":{\"id\":17850,\"country\":\"United Kingdom\"},\"tags\":[\"kitchen\",\"gift\"],"
        + "\"counts\":{\"a\":1,\"b\":2}}");
  }

  @Test
  void toJson_nullsAndEmptyCollections_rendersNullAndEmpty() {
    String json = JsonRows.toJson(TestRows.rows().get(1), TestRows.FILE_SCHEMA, TestRows.MODEL);

    assertThat(json).contains("\"note\":null", "\"shipped\":null", "\"tags\":[]", "\"counts\":{}",
        "\"customer\":{\"id\":12680,\"country\":null}", "\"amount\":-0.05", "\"at\":\"2011-12-09T12:50:00.123456Z\"",
        "\"local\":\"2011-01-05T08:26:00.123456\"");
  }

  @Test
  void toJson_rawLogicalValues_rendersThemAsJavaValues() {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "Raw", "fields": [
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "local", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
          {"name": "big", "type": {"type": "bytes", "logicalType": "decimal", "precision": 30, "scale": 0}}]}""");
    Object row = new GenericRecordBuilder(schema).set("at", 1_294_215_960_000L).set("local", 0L)
        .set("big", new BigDecimal("1E+20")).build();

    String json = JsonRows.toJson(row, schema, TestRows.MODEL);

    assertThat(json).isEqualTo("{\"at\":\"2011-01-05T08:26:00Z\",\"local\":\"1970-01-01T00:00:00\","
        + "\"big\":100000000000000000000}");
  }

  @Test
  void read_wrongTypeInNestedField_throwsSchemaExceptionWithPath() throws Exception {
    String json = JsonRows.toJson(TestRows.rows().get(0), TestRows.FILE_SCHEMA, TestRows.MODEL)
        .replace("\"id\":17850", "\"id\":\"many\"");

    assertThatThrownBy(() -> JsonParsing.read(TextParsing.MAPPER.readTree(json), TestRows.FILE_SCHEMA, "$"))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Expected a long but was \"many\" at $.customer.id");
  }

  @Test
  void read_nullForRequiredField_throwsSchemaException() throws Exception {
    String json = JsonRows.toJson(TestRows.rows().get(0), TestRows.FILE_SCHEMA, TestRows.MODEL)
        .replace("\"paid\":true", "\"paid\":null");

    assertThatThrownBy(() -> JsonParsing.read(TextParsing.MAPPER.readTree(json), TestRows.FILE_SCHEMA, "$"))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Expected a boolean but was null at $.paid");
  }

  @Test
  void read_decimalWithMoreDigitsThanScale_throwsSchemaException() throws Exception {
    String json = JsonRows.toJson(TestRows.rows().get(0), TestRows.FILE_SCHEMA, TestRows.MODEL)
        .replace("\"amount\":1234.50", "\"amount\":1234.505");

    assertThatThrownBy(() -> JsonParsing.read(TextParsing.MAPPER.readTree(json), TestRows.FILE_SCHEMA, "$"))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Expected a decimal(10,2) but was 1234.505 at $.amount");
  }
}
