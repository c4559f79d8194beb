package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.SchemaFixtures.Sale;
import dev.lake.internal.format.GenericRowModel;
import dev.lake.internal.format.JsonRows;
import dev.lake.internal.format.RecordRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The record model as the engine reaches it: {@link RecordRows}, which {@link RecordModel} implements. */
class RecordModelTest {
  @Test
  void installed_onceRowsLoads_isTheRecordModel() {
    Rows.schemaOf(SchemaFixtures.sale("536365"));

    assertThat(RecordRows.installed()).isSameAs(RecordModel.INSTANCE);
  }

  @Test
  void conversions_answerAsRowsAndSchemasDo() {
    Sale sale = SchemaFixtures.sale("536365");
    RecordRows records = RecordModel.install();

    GenericRecord generic = records.toGeneric(sale);

    assertThat(generic).isEqualTo(Rows.toGeneric(sale));
    assertThat(generic.get("invoice_no")).isEqualTo("536365");
    assertThat(records.toRecord(generic, Sale.class)).usingRecursiveComparison().isEqualTo(sale);
    assertThat(records.schemaOf(Sale.class)).isEqualTo(Schemas.of(Sale.class));
    assertThat(records.schemaOf((Object) generic)).isSameAs(generic.getSchema());
    assertThat(records.model(Sale.class)).isSameAs(Rows.model(Sale.class));
    assertThat(JsonRows.toJson(sale, records.schemaOf(sale), records.model(Sale.class))).isEqualTo(Rows.toJson(sale));
  }

  @Test
  void recordModel_readBackFromBytes_isTheSameInstance() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(RecordModel.install());
    }

    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isSameAs(RecordModel.INSTANCE);
    }
  }

  @Test
  void genericRowModel_readsFieldsByNameAndFitsDecimals() {
    Schema decimal = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema schema = Schema.createRecord("Line", null, "t", false, java.util.List.of(
        new Schema.Field("sku", Schema.create(Schema.Type.STRING)), new Schema.Field("price", decimal)));
    GenericData.Record row = new GenericData.Record(schema);
    row.put("sku", "A1");
    row.put("price", new BigDecimal("2.5"));
    GenericRowModel model = new GenericRowModel();

    assertThat(model.getField(row, "price", 0)).isEqualTo(new BigDecimal("2.50"));
    assertThat(model.getField(row, "sku", 1)).isEqualTo("A1");
    assertThat(model.getField(row, "missing", 0)).isNull();
  }
}
