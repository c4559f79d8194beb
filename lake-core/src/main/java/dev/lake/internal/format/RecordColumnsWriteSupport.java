package dev.lake.internal.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * parquet-avro's write support with a shortcut for Java records whose columns are all primitive (strings, numbers,
 * booleans, bytes, enums and logical types over them: timestamps, dates, decimals): their components go straight
 * to the column writers, with the same conversions and the same values as {@link AvroWriteSupport} writes, without
 * its per-value schema walk and dispatch (a seventh of a CSV-to-Parquet conversion's time). Strings go over as
 * byte-array {@code Binary}s, which Parquet's dictionaries hash and compare faster. Any other row (generic records,
 * nested records, lists, maps), and any row when the model is not a {@link RecordFieldGetters} (Lake's record
 * model, {@code Rows.model}, is), goes to {@link AvroWriteSupport}, and the file's schema and metadata are the ones
 * it makes either way.
 *
 * <p>Each column gets a small writer of its kind ({@link ColumnValueWriters}), chosen once per record class. A column
 * reuses what it wrote for the row before when the next row holds the same object: the bytes of a string (Parquet's
 * dictionary then finds its entry by identity instead of comparing byte by byte) and the converted value of a
 * decimal or a {@code java.time} value (which cannot change), as rows read from text share the object of a repeated
 * value. A decimal that the file schema stores as an integer ({@link ParquetDecimals}) is written as its unscaled
 * number by either path.
 *
 * <pre>{@code
 * WriteSupport<Object> support = new RecordColumnsWriteSupport(fileSchema, avroSchema, Rows.model(Sale.class));
 * }</pre>
 */
final class RecordColumnsWriteSupport extends WriteSupport<Object> {
  private final AvroWriteSupport<Object> avro;
  private final MessageType fileSchema;
  private final Schema avroSchema;
  private final GenericData model;
  private RecordConsumer consumer;
  private Class<?> planned;
  private Column[] plan; // null: rows of the planned class go through parquet-avro

  RecordColumnsWriteSupport(MessageType fileSchema, Schema avroSchema, GenericData model) {
    this.avro = new AvroWriteSupport<>(fileSchema, avroSchema, model);
    this.fileSchema = fileSchema;
    this.avroSchema = avroSchema;
    this.model = model;
  }

  @Override
  public String getName() {
    return avro.getName();
  }

  // Deprecated in Parquet 1.16 but still abstract, so it must be implemented; Lake builds the writer with a
  // ParquetConfiguration, which the overload below serves.
  @Override
  @SuppressWarnings("deprecation")
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    return avro.init(configuration);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return avro.init(configuration);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
    avro.prepareForWrite(IntegerDecimalsConsumer.needed(fileSchema)
        ? new IntegerDecimalsConsumer(recordConsumer, fileSchema) : recordConsumer);
  }

  @Override
  public FinalizedWriteContext finalizeWrite() {
    return avro.finalizeWrite();
  }

  @Override
  public void write(Object row) {
    Class<?> type = row.getClass();
    if (type != planned) {
      planned = type;
      plan = model instanceof RecordFieldGetters getters && type.isRecord() ? plan(type, getters) : null;
    }
    if (plan == null) {
      avro.write(row);
      return;
    }
    consumer.startMessage();
    for (Column column : plan) {
      Object value = column.get.apply(row);
      if (value == null) {
        if (column.required) {
          throw new RuntimeException("Null-value for required field: " + column.name);
        }
        continue;
      }
      consumer.startField(column.name, column.index);
      column.writer.write(consumer, value);
      consumer.endField(column.name, column.index);
    }
    consumer.endMessage();
  }

  /** The columns of rows of {@code type}, in the file's order; null when one of them is not primitive. */
  private Column[] plan(Class<?> type, RecordFieldGetters records) {
    Function<Object, Object>[] getters = records.fieldGetters(type, avroSchema);
    List<Schema.Field> fields = avroSchema.getFields();
    List<Column> columns = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < fields.size(); i++) {
      Schema.Field field = fields.get(i);
      if (field.schema().getType() == Schema.Type.NULL) {
        continue; // parquet-avro writes no column for it either
      }
      Type parquetType = fileSchema.getFields().get(index);
      Schema value = AvroSchemaConverter.getNonNull(field.schema());
      if (!primitive(value, parquetType)) {
        return null;
      }
      columns.add(new Column(parquetType.getName(), index, parquetType.isRepetition(Type.Repetition.REQUIRED),
          getters[i], ColumnValueWriters.of(value, model, parquetType.asPrimitiveType().getPrimitiveTypeName())));
      index++;
    }
    return columns.toArray(Column[]::new);
  }

  private static boolean primitive(Schema value, Type parquetType) {
    if (!parquetType.isPrimitive()) {
      return false;
    }
    return switch (value.getType()) {
      case BOOLEAN, INT, LONG, FLOAT, DOUBLE, BYTES, FIXED, ENUM -> true;
      case STRING -> !(parquetType.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation);
      default -> false;
    };
  }

  /** One column: where its value comes from and the writer of its kind. */
  private record Column(String name, int index, boolean required, Function<Object, Object> get,
      ColumnValueWriters.Writer writer) {}
}
