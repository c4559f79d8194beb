package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.exceptions.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Schema type(Schema record, String field) {
    Schema s = record.getField(field).schema();
    assertThat(s.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(s.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    return s.getTypes().get(1);
  }

  @Test
  void fromCsv_onlineRetailSample_typesPerColumn() {
    List<String> header = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
        "CustomerID", "Country");
    List<List<String>> rows = List.of(
        List.of("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6", "2010-12-01 08:26:00", "2.55",
            "17850.0", "United Kingdom"),
        List.of("C536379", "D", "Discount", "-1", "2010-12-01 09:41:00", "27.5", "", "United Kingdom"),
        List.of("536380", "22961", "", "24", "2010-12-01T09:45:00Z", "1", "17809.0", "France"));
    Schema s = SchemaInference.fromCsv("sales", header, rows);

    assertThat(s.getName()).isEqualTo("sales");
    assertThat(type(s, "InvoiceNo").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "StockCode").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "Quantity").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(type(s, "InvoiceDate").getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
    assertThat(type(s, "UnitPrice").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(type(s, "CustomerID").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(s.getField("Country").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
  }

  @Test
  void fromCsv_mixedEmptyBooleanDateAndLeadingZeros_widenOrFallBack() {
    List<String> header = List.of("flag", "day", "mixed", "empty", "zip", "when");
    List<List<String>> rows = List.of(
        List.of("true", "2010-12-01", "1", "", "01234", "2010-12-01"),
        List.of("FALSE", "2010-12-02", "x", "", "02134", "2010-12-01 08:00:00"));
    Schema s = SchemaInference.fromCsv("t", header, rows);
    assertThat(type(s, "flag").getType()).isEqualTo(Schema.Type.BOOLEAN);
    assertThat(type(s, "day").getLogicalType()).isEqualTo(LogicalTypes.date());
    assertThat(type(s, "mixed").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "empty").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "zip").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "when").getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
  }

  @Test
  void fromCsv_invalidAndDuplicateNames_sanitisedWithOriginalInDoc() {
    List<String> header = List.of("Invoice No", "1st", "", "Invoice_No");
    Schema s = SchemaInference.fromCsv("my sales", header, List.of(List.of("1", "2", "3", "4")));
    assertThat(s.getName()).isEqualTo("my_sales");
    List<String> names = new ArrayList<>();
    s.getFields().forEach(f -> names.add(f.name()));
    assertThat(names).containsExactly("Invoice_No", "_1st", "column_3", "Invoice_No_2");
    assertThat(s.getField("Invoice_No").doc()).isEqualTo("Invoice No");
    assertThat(s.getField("Invoice_No_2").doc()).isEqualTo("Invoice_No");
  }

  @Test
  void fromCsv_noHeader_throwsValidation() {
    assertThatThrownBy(() -> SchemaInference.fromCsv("t", List.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("without columns");
  }

  @Test
  void fromJson_sparkifyEvents_typesFromValues() throws Exception {
    List<JsonNode> samples = List.of(
        JSON.readTree("{\"artist\":null,\"itemInSession\":0,\"length\":182.85669,\"registration\":1540991795796.0,"
            + "\"ts\":1543537327796,\"userId\":\"91\",\"ok\":true,\"at\":\"2018-11-01T21:01:46Z\"}"),
        JSON.readTree("{\"artist\":\"Manowar\",\"itemInSession\":1,\"length\":247,\"userId\":\"\",\"ok\":false}"));
    Schema s = SchemaInference.fromJson("events", samples);
    assertThat(type(s, "artist").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "itemInSession").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(type(s, "length").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(type(s, "registration").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(type(s, "ts").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(type(s, "userId").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(s, "ok").getType()).isEqualTo(Schema.Type.BOOLEAN);
    assertThat(type(s, "at").getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
  }

  @Test
  void fromJson_nestedObjectsArraysAndMixed_recordsArraysAndStrings() throws Exception {
    List<JsonNode> samples = List.of(
        JSON.readTree("{\"song\":{\"title\":\"Ten Tonne\",\"year\":2005},\"tags\":[1,2],\"mixed\":1}"),
        JSON.readTree("{\"song\":{\"title\":\"X\",\"duration\":1.5},\"tags\":[3.5],\"mixed\":{\"a\":1}}"));
    Schema s = SchemaInference.fromJson("songs", samples);
    Schema song = type(s, "song");
    assertThat(song.getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(song.getFullName()).isEqualTo("songs_song");
    assertThat(type(song, "title").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(type(song, "year").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(type(song, "duration").getType()).isEqualTo(Schema.Type.DOUBLE);
    Schema tags = type(s, "tags");
    assertThat(tags.getType()).isEqualTo(Schema.Type.ARRAY);
    assertThat(tags.getElementType().getTypes().get(1).getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(type(s, "mixed").getType()).isEqualTo(Schema.Type.STRING);
  }

  @Test
  void fromJson_noObjects_throwsValidation() throws Exception {
    assertThatThrownBy(() -> SchemaInference.fromJson("t", List.of(JSON.readTree("[1]"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot infer a schema for 't': the samples hold no JSON object with keys; "
            + "give one with .withSchema(schema)");
  }
}
