package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.Rows;
import dev.lake.format.FileFormats;
import dev.lake.io.FileFormat;
import dev.lake.io.LocalStore;
import dev.lake.io.SourceReader;
import dev.lake.source.files.CsvSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's own Parquet reader over Lake's files with {@code decimal(10,3)} prices stored as {@code INT64} (its
 * vectorized reader, the default), and over those files together with the same rows written as Lake wrote them
 * before (parquet-avro's {@code BINARY} decimals; Spark's row reader, as its vectorized one fails on those): the same
 * type, count and sum as Lake's reader.
 */
class DecimalLayoutsOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void int64AndBinaryDecimalFiles_readBySpark_sameSumAsLake() throws Exception {
    Path day = SharedSpark.DATA.resolve("online_retail/by-day/2010-12-01.csv.gz");
    Lake lake = Lake.at(dir.resolve("lake").toString());
    Pipeline.from(CsvSource.of(RetailLine.class).from(day.toString())).named("retail")
        .to(lake.processed("retail")).run();
    BigDecimal byLake = BigDecimal.ZERO;
    long rows = 0;
    for (GenericRecord r : lake.read("retail").readAll()) {
      byLake = byLake.add((BigDecimal) r.get("unit_price"));
      rows++;
    }
    List<Path> current;
    try (Stream<Path> files = Files.walk(dir.resolve("lake/processed/retail"))) {
      current = files.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    Path old = dir.resolve("old");
    Files.createDirectories(old);
    for (int i = 0; i < current.size(); i++) {
      rewriteTheOldWay(current.get(i), old.resolve("part-" + i + ".parquet"));
    }

    List<String> both = new ArrayList<>();
    current.forEach(p -> both.add(p.toString()));
    both.add(old.toString());
    Row current64 = SharedSpark.session().read().parquet(dir.resolve("lake/processed/retail").toString())
        .selectExpr("count(*)", "sum(unit_price)").first();
    assertThat(current64.getLong(0)).isEqualTo(rows);
    assertThat(current64.getDecimal(1)).isEqualByComparingTo(byLake);

    // Spark 4.0.1's vectorized reader fails on a dictionary-encoded BINARY decimal(10,3) column (decodeToLong on a
    // binary dictionary), in files Lake wrote before as in these: a read that includes them needs the row reader.
    SharedSpark.session().conf().set("spark.sql.parquet.enableVectorizedReader", "false");
    try {
      Dataset<Row> read = SharedSpark.session().read().parquet(both.toArray(String[]::new));
      Row sums = read.selectExpr("count(*)", "sum(unit_price)").first();

      assertThat(read.schema().apply("unit_price").dataType()).isEqualTo(DataTypes.createDecimalType(10, 3));
      assertThat(sums.getLong(0)).isEqualTo(2 * rows);
      assertThat(sums.getDecimal(1)).isEqualByComparingTo(byLake.multiply(BigDecimal.valueOf(2)));
    } finally {
      SharedSpark.session().conf().unset("spark.sql.parquet.enableVectorizedReader");
    }
  }

  /** {@code from}'s rows written again by parquet-avro alone, with the file's Avro schema: binary decimals. */
  private static void rewriteTheOldWay(Path from, Path to) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    try (SourceReader<GenericRecord> reader = FileFormats.newReader(FileFormat.PARQUET, LocalStore.INSTANCE,
        from.toUri(), null)) {
      reader.forEachRemaining(rows::add);
    }
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    try (ParquetWriter<Object> writer = AvroParquetWriter.<Object>builder(new LocalOutputFile(to))
        .withSchema(rows.get(0).getSchema()).withDataModel(Rows.model(GenericRecord.class)).withConf(conf)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }
}
