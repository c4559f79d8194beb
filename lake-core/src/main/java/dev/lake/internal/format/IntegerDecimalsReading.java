package dev.lake.internal.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the top-level decimals a file stores as {@code INT32} / {@code INT64} ({@link ParquetDecimals}) as the same
 * {@code BigDecimal}s as binary ones. parquet-avro 1.16 reads an Avro bytes-decimal from a binary column only, so the
 * Avro schemas it reads with (the file's own, kept in its metadata, and the requested projection) get {@code int} /
 * {@code long} for those fields, and each row read is copied into a row of the file's Avro schema with the numbers as
 * decimals at the column's scale. Files without such a column (every file written before) are read as they were.
 *
 * <pre>{@code
 * IntegerDecimalsReading decimals = IntegerDecimalsReading.of(fileSchema, keyValueMetadata, projection);
 * if (decimals != null) {
 *   decimals.configure(conf);
 * }
 * GenericRecord row = decimals == null ? read : decimals.restore(read);
 * }</pre>
 */
final class IntegerDecimalsReading {
  /** {@code AvroReadSupport.AVRO_READ_SCHEMA}, private in parquet-avro 1.16 (its setter takes a Hadoop conf). */
  static final String AVRO_READ_SCHEMA = "parquet.avro.read.schema";
  private static final String[] AVRO_SCHEMA_KEYS = {"parquet.avro.schema", "avro.schema"};

  private final Schema rowSchema; // what rows come back as: the file's Avro schema (or the projection)
  private final Schema readSchema; // the same with int / long for the decimals stored as integers
  private final Schema readProjection; // the projection, likewise, or null
  private final int[] scales; // by field position in rowSchema: the decimal's scale, or -1

  private IntegerDecimalsReading(Schema rowSchema, Schema readSchema, Schema readProjection, int[] scales) {
    this.rowSchema = rowSchema;
    this.readSchema = readSchema;
    this.readProjection = readProjection;
    this.scales = scales;
  }

  /**
   * How to read a file of {@code fileSchema} with the given key-value metadata and projection (may be null), or null
   * when it needs nothing of this: no top-level decimal stored as an integer, or no Avro schema to read it with.
   */
  static IntegerDecimalsReading of(MessageType fileSchema, Map<String, String> metadata, Schema projection) {
    Map<String, PrimitiveTypeName> integers = new HashMap<>();
    for (Type field : fileSchema.getFields()) {
      if (ParquetDecimals.integer(field)) {
        integers.put(field.getName(), field.asPrimitiveType().getPrimitiveTypeName());
      }
    }
    if (integers.isEmpty()) {
      return null;
    }
    Schema fileAvro = null;
    for (String key : AVRO_SCHEMA_KEYS) {
      if (fileAvro == null && metadata.get(key) != null) {
        fileAvro = new Schema.Parser().parse(metadata.get(key));
      }
    }
    Schema rowSchema = fileAvro != null ? fileAvro : projection;
    if (rowSchema == null || rowSchema.getType() != Schema.Type.RECORD) {
      return null; // parquet-avro converts the file schema itself: ints and longs, read as they are
    }
    int[] scales = new int[rowSchema.getFields().size()];
    Schema readSchema = rewrite(rowSchema, integers, scales);
    Schema readProjection = projection == null ? null : rewrite(projection, integers, null);
    return new IntegerDecimalsReading(rowSchema, readSchema, readProjection, scales);
  }

  /** Sets the Avro schemas parquet-avro reads with. */
  void configure(ParquetConfiguration conf) {
    conf.set(AVRO_READ_SCHEMA, readSchema.toString());
    if (readProjection != null) {
      conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, readProjection.toString());
    }
  }

  /** A row read with the rewritten schema as a row of the file's Avro schema, the numbers as decimals. */
  GenericRecord restore(GenericRecord read) {
    GenericData.Record row = new GenericData.Record(rowSchema);
    for (int i = 0; i < scales.length; i++) {
      Object value = read.get(i);
      row.put(i, value == null || scales[i] < 0 ? value
          : new BigDecimal(BigInteger.valueOf(((Number) value).longValue()), scales[i]));
    }
    return row;
  }

  /**
   * {@code record} with {@code int} / {@code long} in place of the bytes-decimals of the fields named in
   * {@code integers}; their scales (-1 for any other field) into {@code scales} when given.
   */
  private static Schema rewrite(Schema record, Map<String, PrimitiveTypeName> integers, int[] scales) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      PrimitiveTypeName integer = integers.get(field.name());
      Schema decimal = integer == null ? null : decimal(field.schema());
      if (scales != null) {
        scales[field.pos()] = decimal == null ? -1 : ((LogicalTypes.Decimal) decimal.getLogicalType()).getScale();
      }
      Schema type = decimal == null ? field.schema() : replace(field.schema(), decimal,
          Schema.create(integer == PrimitiveTypeName.INT32 ? Schema.Type.INT : Schema.Type.LONG));
      fields.add(new Schema.Field(field, type));
    }
    Schema copy = Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), record.isError(),
        fields);
    record.getObjectProps().forEach(copy::addProp);
    return copy;
  }

  /** The bytes-decimal branch of a field's schema (itself or in a union), or null. */
  private static Schema decimal(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (decimal(branch) != null) {
          return branch;
        }
      }
      return null;
    }
    return schema.getType() == Schema.Type.BYTES && schema.getLogicalType() instanceof LogicalTypes.Decimal
        ? schema : null;
  }

  private static Schema replace(Schema schema, Schema branch, Schema with) {
    if (schema != branch && schema.getType() == Schema.Type.UNION) {
      List<Schema> types = new ArrayList<>(schema.getTypes());
      types.replaceAll(t -> t == branch ? with : t);
      return Schema.createUnion(types);
    }
    return with;
  }
}
