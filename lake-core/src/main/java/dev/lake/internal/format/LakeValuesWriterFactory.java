package dev.lake.internal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * parquet-java's values writers for every column, except that a byte-array column's dictionary writer is Lake's
 * {@link BinaryDictionaryWriter} (same encodings, same pages, a faster lookup). Only for Parquet format version 1
 * pages (Lake's, parquet-java's default); anything else gets parquet-java's writers unchanged.
 *
 * <p>parquet-java 1.16's {@code ParquetWriter.Builder} takes no values writer factory, though the properties it
 * builds do: {@link #install} sets it on the builder's properties through a private field's handle, and leaves
 * parquet-java's factory in place (the same file, the slower lookup) if that builder changes.
 *
 * <pre>{@code
 * LakeValuesWriterFactory.install(builder);
 * }</pre>
 */
final class LakeValuesWriterFactory implements ValuesWriterFactory {
  private static final VarHandle PROPERTIES = propertiesField();

  private final DefaultValuesWriterFactory parquet = new DefaultValuesWriterFactory();
  private ParquetProperties properties;

  /** Whether {@link #install} can set the factory: parquet-java's builder still has the expected field. */
  static boolean available() {
    return PROPERTIES != null;
  }

  /** Sets a new factory on {@code builder}'s properties; false (nothing changed) where parquet-java does not allow. */
  static boolean install(ParquetWriter.Builder<?, ?> builder) {
    if (PROPERTIES == null) {
      return false;
    }
    ((ParquetProperties.Builder) PROPERTIES.get(builder)).withValuesWriterFactory(new LakeValuesWriterFactory());
    return true;
  }

  /**
   * The builder's properties field, found by name and type alone: reflection's {@code getDeclaredField} would load
   * the types of all the builder's fields, Hadoop's {@code Path} among them, which Lake does not ship.
   */
  private static VarHandle propertiesField() {
    try {
      return MethodHandles.privateLookupIn(ParquetWriter.Builder.class, MethodHandles.lookup())
          .findVarHandle(ParquetWriter.Builder.class, "encodingPropsBuilder", ParquetProperties.Builder.class);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  @Override
  public void initialize(ParquetProperties properties) {
    this.properties = properties;
    parquet.initialize(properties);
  }

  /**
   * parquet-java's writer for the column, or Lake's dictionary writer in place of its byte-array one. Parquet v1 pages
   * name their dictionary encoding {@code PLAIN_DICTIONARY}, which the format deprecates for v2 pages only; the
   * replacement writes the same, as parquet-java's own v1 writers do.
   */
  @Override
  @SuppressWarnings("deprecation")
  public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
    ValuesWriter writer = parquet.newValuesWriter(descriptor);
    if (properties.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0
        && writer instanceof FallbackValuesWriter<?, ?> fallback
        && fallback.initialWriter.getClass() == PlainBinaryDictionaryValuesWriter.class
        && fallback.initialWriter.getEncoding() == Encoding.PLAIN_DICTIONARY) {
      return FallbackValuesWriter.of(new BinaryDictionaryWriter(properties.getDictionaryPageSizeThreshold(),
          Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator()), fallback.fallBackWriter);
    }
    return writer;
  }
}
