package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.SchemaFixtures.Everything;
import dev.lake.SchemaFixtures.Fixture;
import dev.lake.SchemaFixtures.Sale;
import dev.lake.exceptions.SchemaException;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class SchemasTest {
  record Holder(Object value) {}

  record Raw(@SuppressWarnings("rawtypes") List items) {}

  record ByNumber(Map<Integer, String> names) {}

  record Inner(Holder holder) {}

  record Outer(String id, Inner inner) {}

  record Node(String name, List<Node> children) {}

  record BadName(@Column("invoice-no") String invoiceNo) {}

  private static Schema field(Class<?> type, String name) {
    return Schemas.of(type).getField(name).schema();
  }

  private static Schema nonNull(Class<?> type, String name) {
    Schema schema = field(type, name);
    assertThat(schema.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(schema.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    return schema.getTypes().get(1);
  }

  @Test
  void of_everySupportedType_mapsToAvro() {
    assertThat(field(Everything.class, "i").getType()).isEqualTo(Schema.Type.INT);
    assertThat(field(Everything.class, "l").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(field(Everything.class, "d").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(field(Everything.class, "f").getType()).isEqualTo(Schema.Type.FLOAT);
    assertThat(field(Everything.class, "b").getType()).isEqualTo(Schema.Type.BOOLEAN);
    assertThat(field(Everything.class, "s").getType()).isEqualTo(Schema.Type.INT);
    assertThat(nonNull(Everything.class, "boxedInt").getType()).isEqualTo(Schema.Type.INT);
    assertThat(nonNull(Everything.class, "boxedLong").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(nonNull(Everything.class, "text").getType()).isEqualTo(Schema.Type.STRING);
    assertThat(nonNull(Everything.class, "status").getEnumSymbols()).containsExactly("PAID", "REFUNDED");
    assertThat(nonNull(Everything.class, "team").getFullName()).isEqualTo("dev.lake.SchemaFixtures_Team");
    assertThat(nonNull(Everything.class, "tags").getElementType().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(nonNull(Everything.class, "ids").getElementType().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(nonNull(Everything.class, "counts").getValueType().getType()).isEqualTo(Schema.Type.INT);
    assertThat(nonNull(Everything.class, "raw").getType()).isEqualTo(Schema.Type.BYTES);
    assertThat(nonNull(Everything.class, "buffer").getType()).isEqualTo(Schema.Type.BYTES);
    assertThat(nonNull(Everything.class, "at").getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
    assertThat(nonNull(Everything.class, "day").getLogicalType()).isEqualTo(LogicalTypes.date());
    assertThat(nonNull(Everything.class, "local").getLogicalType()).isEqualTo(LogicalTypes.localTimestampMicros());
    assertThat(nonNull(Everything.class, "time").getLogicalType()).isEqualTo(LogicalTypes.timeMicros());
    assertThat(nonNull(Everything.class, "plain").getLogicalType()).isEqualTo(LogicalTypes.decimal(38, 10));
    assertThat(nonNull(Everything.class, "price").getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
    assertThat(nonNull(Everything.class, "uuid").getLogicalType()).isEqualTo(LogicalTypes.uuid());
  }

  @Test
  void of_nullableComponent_defaultsToNull() {
    assertThat(Schemas.of(Sale.class).getField("at").hasDefaultValue()).isTrue();
    assertThat(Schemas.of(Sale.class).getField("at").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    assertThat(Schemas.of(Sale.class).getField("quantity").hasDefaultValue()).isFalse();
  }

  @Test
  void of_columnAnnotation_renamesAndDocumentsField() {
    Schema.Field field = Schemas.of(Sale.class).getField("invoice_no");

    assertThat(field.pos()).isZero();
    assertThat(field.doc()).isEqualTo("The invoice number");
    assertThat(Schemas.of(Sale.class).getField("invoiceNo")).isNull();
  }

  @Test
  void of_nestedRecordClass_namedWithEnclosingClassAndPackage() {
    Schema schema = Schemas.of(Sale.class);

    assertThat(schema.getName()).isEqualTo("SchemaFixtures_Sale");
    assertThat(schema.getNamespace()).isEqualTo("dev.lake");
  }

  @Test
  void of_sameNestedTypeTwice_definesItOnceAndParses() {
    Schema schema = Schemas.of(Fixture.class);
    Schema teams = schema.getField("teams").schema().getTypes().get(1);

    assertThat(teams.getField("home").schema().getTypes().get(1))
        .isSameAs(teams.getField("away").schema().getTypes().get(1));
    Schema parsed = new Schema.Parser().parse(schema.toString());
    assertThat(parsed).isEqualTo(schema);
    assertThat(schema.toString().split("\"name\":\"SchemaFixtures_Team\"", -1)).hasSize(2);
  }

  @Test
  void of_recursiveRecord_refersToItself() {
    Schema schema = Schemas.of(Node.class);

    assertThat(schema.getField("children").schema().getTypes().get(1).getElementType()).isSameAs(schema);
  }

  @Test
  void of_calledTwice_returnsCachedSchema() {
    assertThat(Schemas.of(Sale.class)).isSameAs(Schemas.of(Sale.class));
  }

  @Test
  void of_objectComponentInNestedRecord_failsNamingPath() {
    assertThatThrownBy(() -> Schemas.of(Outer.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("Cannot map Outer.inner.holder.value of type java.lang.Object to an Avro schema")
        .hasMessageEndingWith("change the component's type to one of these (e.g. a record or String)");
  }

  @Test
  void of_rawList_failsAskingForElementType() {
    assertThatThrownBy(() -> Schemas.of(Raw.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("Cannot map Raw.items of type java.util.List")
        .hasMessageEndingWith("declare the element type, e.g. List<String> or Map<String, Long>");
  }

  @Test
  void of_mapWithIntegerKeys_failsAskingForStringKeys() {
    assertThatThrownBy(() -> Schemas.of(ByNumber.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("Cannot map ByNumber.names (map key) of type java.lang.Integer")
        .hasMessageEndingWith("map keys must be String: use Map<String, V>");
  }

  @Test
  void of_notARecord_fails() {
    assertThatThrownBy(() -> Schemas.of(Object.class))
        .isInstanceOf(SchemaException.class)
        .hasMessage("Cannot derive a schema for java.lang.Object: it is not a Java record; declare it as a record, "
            + "or use GenericRecord rows with an explicit schema");
  }

  @Test
  void of_genericRecord_failsPointingToItsSchema() {
    assertThatThrownBy(() -> Schemas.of(GenericRecord.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("generic rows carry their own schema");
  }

  @Test
  void of_invalidColumnName_fails() {
    assertThatThrownBy(() -> Schemas.of(BadName.class))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("Invalid column name 'invoice-no' for BadName.invoiceNo");
  }
}
