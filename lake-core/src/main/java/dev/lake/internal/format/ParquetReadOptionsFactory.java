package dev.lake.internal.format;

import dev.lake.exceptions.LakeException;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Builds {@link ParquetReadOptions} without Hadoop. parquet-java 1.16's {@code ParquetReadOptions.Builder}
 * constructors load Hadoop classes ({@code ParquetInputFormat}, which extends Hadoop's {@code FileInputFormat}, and
 * {@code HadoopCodecs}) even when given a {@code PlainParquetConfiguration} and a codec factory, so this calls the
 * package-private constructor that {@code Builder.build()} calls, with the builder's defaults. Checked by
 * {@code ParquetWithoutHadoopTest}; when a parquet-java upgrade changes the constructor, the message says what to do.
 */
final class ParquetReadOptionsFactory {
  private static final int MAX_ALLOCATION_BYTES = 8 * 1024 * 1024;

  private ParquetReadOptionsFactory() {}

  static ParquetReadOptions create(ParquetConfiguration conf, CompressionCodecFactory codecs) {
    try {
      Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
          boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
          boolean.class, boolean.class, FilterCompat.Filter.class, ParquetMetadataConverter.MetadataFilter.class,
          CompressionCodecFactory.class, ByteBufferAllocator.class, int.class, java.util.Map.class,
          FileDecryptionProperties.class, ParquetMetricsCallback.class, ParquetConfiguration.class);
      constructor.setAccessible(true);
      return constructor.newInstance(
          false, // useSignedStringMinMax
          true, // useStatsFilter
          true, // useDictionaryFilter
          true, // useRecordFilter
          true, // useColumnIndexFilter
          false, // usePageChecksumVerification
          true, // useBloomFilter
          false, // useOffHeapDecryptBuffer
          false, // useHadoopVectoredIo
          FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
          MAX_ALLOCATION_BYTES, new HashMap<String, String>(), null, null, conf);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new LakeException("Cannot set up Hadoop-free Parquet reading with this parquet-java version ("
          + e + "): Lake is tested with parquet-avro 1.16.0; use that version or update ParquetReadOptionsFactory", e);
    }
  }
}
