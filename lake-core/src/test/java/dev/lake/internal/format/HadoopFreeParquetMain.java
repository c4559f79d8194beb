package dev.lake.internal.format;

import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Run by {@link ParquetWithoutHadoopTest} in a child JVM whose classpath is only lake-core's runtime dependencies:
 * writes a Snappy and a ZSTD Parquet file (with Lake's dictionary writer, which must install without Hadoop), reads
 * them back, and exits 0 when the values match. Uses no test library.
 */
public final class HadoopFreeParquetMain {
  private HadoopFreeParquetMain() {}

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("org.apache.hadoop.conf.Configuration");
      System.out.println("FAIL: Hadoop is on the classpath");
      System.exit(2);
    } catch (ClassNotFoundException expected) {
      System.out.println("no Hadoop on the classpath");
    }
    if (!LakeValuesWriterFactory.available()) {
      System.out.println("FAIL: Lake's dictionary writer cannot be installed without Hadoop");
      System.exit(3);
    }
    System.out.println("Lake's dictionary writer available");
    Path dir = Path.of(args[0]);
    for (Compression codec : List.of(Compression.SNAPPY, Compression.ZSTD)) {
      URI uri = dir.resolve("part-" + codec + ".parquet").toUri();
      WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, codec, TestRows.FILE_SCHEMA, TestRows.MODEL);
      try (RowFileWriter writer = FileFormats.newWriter(spec, LocalStore.INSTANCE.newWriter(uri))) {
        for (GenericRecord row : TestRows.rows()) {
          writer.write(row);
        }
        writer.commit();
      }
      System.out.println("wrote " + uri);
      List<Object> read = new ArrayList<>();
      try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.PARQUET, LocalStore.INSTANCE,
          uri, null)) {
        reader.forEachRemaining(row -> read.add(TestRows.plain(row)));
      }
      List<Object> expected = TestRows.rows().stream().map(TestRows::plain).toList();
      if (!read.equals(expected)) {
        System.out.println("FAIL: read " + read + " but wrote " + expected);
        System.exit(1);
      }
      System.out.println("read back " + read.size() + " rows from " + codec);
    }
  }
}
