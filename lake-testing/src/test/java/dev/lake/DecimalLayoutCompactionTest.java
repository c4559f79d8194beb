package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.format.FileFormats;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset holding files written before decimals of precision 18 or less became {@code INT64} (parquet-avro's
 * binary decimals, rewritten here in place with the same rows) beside new ones: Lake's reader and DuckDB read the
 * same rows from it, and compaction rewrites both kinds into files of the new layout with the same rows.
 */
class DecimalLayoutCompactionTest {
  @TempDir
  Path dir;

  @Test
  void compact_oldBinaryAndNewIntegerDecimals_sameRowsInIntegerFiles() throws Exception {
    Lake lake = CompactionTest.appendRuns(dir, 4, 60, CompactionTest.salesSink(Lake.at(dir.toString())));
    Path data = dir.resolve("processed/sales");
    List<List<Object>> written = CompactionTest.duckRows(data);
    List<String> readByLake = rowStrings(lake);
    List<DataFile> files = lake.latest("sales").orElseThrow().files();
    List<DataFile> old = files.subList(0, files.size() / 2);
    for (DataFile f : old) {
      rewriteTheOldWay(data.resolve(f.path()));
    }
    assertThat(priceTypes(data)).containsExactlyInAnyOrder("BYTE_ARRAY", "INT64");

    assertThat(CompactionTest.duckRows(data)).hasSize(240).isEqualTo(written);
    assertThat(rowStrings(lake)).isEqualTo(readByLake);

    CompactionResult result = lake.compact("sales");

    assertThat(result.committed()).isTrue();
    assertThat(result.rows()).isEqualTo(240);
    assertThat(priceTypes(data)).containsExactly("INT64");
    assertThat(CompactionTest.duckRows(data)).isEqualTo(written);
    assertThat(rowStrings(lake)).isEqualTo(readByLake);
  }

  /** The Parquet types of the price column across the dataset's files. */
  private static List<Object> priceTypes(Path data) throws Exception {
    return CompactionTest.duck("SELECT DISTINCT type FROM parquet_metadata('" + data + "/**/*.parquet') "
        + "WHERE path_in_schema = 'price' ORDER BY 1").stream().map(r -> r.get(0)).toList();
  }

  /** The file's rows written again by parquet-avro alone, with the file's Avro schema: binary decimals. */
  private static void rewriteTheOldWay(Path file) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.PARQUET, LocalStore.INSTANCE,
        file.toUri(), null)) {
      reader.forEachRemaining(rows::add);
    }
    Files.delete(file);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(file))
        .withSchema(rows.get(0).getSchema()).withDataModel(Rows.model(GenericRecord.class)).withConf(conf)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  private static List<String> rowStrings(Lake lake) throws IOException {
    List<String> rows = new ArrayList<>();
    try (var r = lake.read("sales").open(dev.lake.io.SourceContext.standalone())) {
      r.forEachRemaining(g -> rows.add(g.toString()));
    }
    rows.sort(null);
    return rows;
  }
}
