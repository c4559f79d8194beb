package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lake's dictionary writer for byte-array columns ({@link BinaryDictionaryWriter}, installed by
 * {@link LakeValuesWriterFactory}) makes the same file, byte for byte, as parquet-java's own writer over the same
 * values: repeated and new values, one array shared by equal values, reused buffers, slices, empty values, nulls,
 * values whose 8-byte words are equal but tails differ, a dictionary too big (the fallback to plain encoding) and
 * several row groups. DuckDB reads the values back.
 */
class BinaryDictionaryWriterTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message row {"
      + " optional binary country (STRING); required binary description (STRING);"
      + " optional binary code (STRING); required binary unique (STRING); }");

  @TempDir
  Path dir;

  /** Rows of four columns: few distinct values, some thousands, short codes with equal prefixes, all distinct. */
  private static List<String[]> rows() {
    Random random = new Random(21);
    String[] countries = {"United Kingdom", "France", "", "Éire", "EIRE", null};
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      String country = countries[random.nextInt(countries.length)];
      String description = "WHITE HANGING HEART T-LIGHT HOLDER #" + random.nextInt(4_000) + "é";
      String code = i % 13 == 0 ? null : "12345678" + (char) ('A' + random.nextInt(26)) + random.nextInt(10);
      rows.add(new String[] {country, description, code, "row " + i + " " + "x".repeat(i % 50)});
    }
    return rows;
  }

  @Test
  void sameFileAsParquetJavasDictionary_readBackByDuckDb() throws Exception {
    List<String[]> rows = rows();
    Path lake = dir.resolve("lake.parquet");
    Path parquet = dir.resolve("parquet.parquet");
    assertThat(write(rows, lake, true)).as("Lake's factory installed").isTrue();
    write(rows, parquet, false);

    assertThat(Files.readAllBytes(lake)).isEqualTo(Files.readAllBytes(parquet));
    List<List<String>> read = query("SELECT country, description, code, \"unique\" FROM read_parquet('" + lake
        + "')");
    assertThat(read).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(read.get(i)).containsExactly(rows.get(i));
    }
    assertThat(query("SELECT DISTINCT encodings FROM parquet_metadata('" + lake + "') WHERE path_in_schema = "
        + "'unique'").toString()).as("the all-distinct column fell back to plain").contains("PLAIN");
    assertThat(query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + lake + "')").get(0).get(0))
        .isNotEqualTo("1");
  }

  @Test
  void hash_takesEveryByte() {
    HashMap<Integer, String> seen = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String value = "12345678" + i;
      assertThat(seen.put(BinaryDictionaryWriter.hash(value.getBytes(StandardCharsets.UTF_8)), value)).isNull();
    }
    assertThat(BinaryDictionaryWriter.hash(new byte[0])).isNotEqualTo(BinaryDictionaryWriter.hash(new byte[1]));
  }

  /** Writes the rows as Lake's writer hands values over: shared arrays, reused buffers and slices. */
  private static boolean write(List<String[]> rows, Path file, boolean lakeFactory) throws IOException {
    Builder builder = new Builder(new LocalOutputFile(file)).withConf(new PlainParquetConfiguration())
        .withCodecFactory(ParquetCodecs.INSTANCE).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withDictionaryEncoding(true).withDictionaryPageSize(64 * 1024).withRowGroupSize(512 * 1024L)
        .withPageSize(16 * 1024);
    boolean installed = lakeFactory && LakeValuesWriterFactory.install(builder);
    try (ParquetWriter<String[]> writer = builder.build()) {
      for (String[] row : rows) {
        writer.write(row);
      }
    }
    return installed;
  }

  private static final class Builder extends ParquetWriter.Builder<String[], Builder> {
    Builder(LocalOutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<String[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new Rows();
    }

    @Override
    protected WriteSupport<String[]> getWriteSupport(ParquetConfiguration conf) {
      return new Rows();
    }
  }

  /** Column 0 as one shared array per value, 1 through a reused buffer, 2 as a slice, 3 as a reused byte buffer. */
  private static final class Rows extends WriteSupport<String[]> {
    private final HashMap<String, byte[]> shared = new HashMap<>();
    private final byte[] buffer = new byte[256];
    private RecordConsumer consumer;

    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(SCHEMA, java.util.Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, java.util.Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(String[] row) {
      consumer.startMessage();
      for (int i = 0; i < row.length; i++) {
        if (row[i] == null) {
          continue;
        }
        byte[] bytes = row[i].getBytes(StandardCharsets.UTF_8);
        Binary value = switch (i) {
          case 0 -> Binary.fromConstantByteArray(shared.computeIfAbsent(row[i], s -> bytes));
          case 1 -> {
            System.arraycopy(bytes, 0, buffer, 3, bytes.length);
            yield Binary.fromReusedByteArray(buffer, 3, bytes.length);
          }
          case 2 -> {
            byte[] padded = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, padded, 1, bytes.length);
            yield Binary.fromConstantByteArray(padded, 1, bytes.length);
          }
          default -> Binary.fromReusedByteBuffer(ByteBuffer.wrap(bytes));
        };
        consumer.startField(SCHEMA.getFieldName(i), i);
        consumer.addBinary(value);
        consumer.endField(SCHEMA.getFieldName(i), i);
      }
      consumer.endMessage();
    }
  }

  private static List<List<String>> query(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("SET autoinstall_known_extensions=false");
      statement.execute("SET autoload_known_extensions=false");
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
