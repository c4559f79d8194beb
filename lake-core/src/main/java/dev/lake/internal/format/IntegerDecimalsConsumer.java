package dev.lake.internal.format;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * What parquet-avro's {@code AvroWriteSupport} writes, passed on, except that the unscaled bytes it gives a top-level
 * decimal column stored as an integer ({@link ParquetDecimals}) go on as that integer: rows that do not take
 * {@link RecordColumnsWriteSupport}'s shortcut (generic rows, records with nested columns) make the same file.
 *
 * <pre>{@code
 * avro.prepareForWrite(new IntegerDecimalsConsumer(recordConsumer, fileSchema));
 * }</pre>
 */
final class IntegerDecimalsConsumer extends RecordConsumer {
  private final RecordConsumer out;
  private final PrimitiveTypeName[] integers; // by top-level field index: INT32, INT64, or null (anything else)
  private int depth; // 0: between the message's fields
  private PrimitiveTypeName field; // the current top-level field's integer type, or null

  IntegerDecimalsConsumer(RecordConsumer out, MessageType schema) {
    this.out = out;
    this.integers = new PrimitiveTypeName[schema.getFieldCount()];
    for (int i = 0; i < integers.length; i++) {
      Type type = schema.getType(i);
      integers[i] = ParquetDecimals.integer(type) ? type.asPrimitiveType().getPrimitiveTypeName() : null;
    }
  }

  /** Whether {@code schema} has a top-level decimal stored as an integer, so that this consumer is needed. */
  static boolean needed(MessageType schema) {
    return schema.getFields().stream().anyMatch(ParquetDecimals::integer);
  }

  @Override
  public void addBinary(Binary value) {
    if (depth == 0 && field != null) {
      long unscaled = ParquetDecimals.unscaled(value.toByteBuffer());
      if (field == PrimitiveTypeName.INT32) {
        out.addInteger((int) unscaled);
      } else {
        out.addLong(unscaled);
      }
      return;
    }
    out.addBinary(value);
  }

  @Override
  public void startField(String name, int index) {
    if (depth == 0) {
      field = integers[index];
    }
    out.startField(name, index);
  }

  @Override
  public void endField(String name, int index) {
    out.endField(name, index);
  }

  @Override
  public void startGroup() {
    depth++;
    out.startGroup();
  }

  @Override
  public void endGroup() {
    depth--;
    out.endGroup();
  }

  @Override
  public void startMessage() {
    depth = 0;
    field = null;
    out.startMessage();
  }

  @Override
  public void endMessage() {
    out.endMessage();
  }

  @Override
  public void addInteger(int value) {
    out.addInteger(value);
  }

  @Override
  public void addLong(long value) {
    out.addLong(value);
  }

  @Override
  public void addBoolean(boolean value) {
    out.addBoolean(value);
  }

  @Override
  public void addFloat(float value) {
    out.addFloat(value);
  }

  @Override
  public void addDouble(double value) {
    out.addDouble(value);
  }

  @Override
  public void flush() {
    out.flush();
  }
}
