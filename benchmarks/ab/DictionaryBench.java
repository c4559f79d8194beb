package dev.lake.internal.format;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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

/**
 * Parquet's dictionary lookups alone: Online Retail's four string columns (invoice, stock code, description,
 * country; 541,909 rows read into memory once, a row's value the row before's object when equal, as Lake's CSV
 * reader hands them over) written to Snappy Parquet, one file per month as the conversion's partitions hold them,
 * with parquet-java's dictionary writer and with Lake's ({@link LakeValuesWriterFactory}), interleaved; prints the
 * writing thread's CPU seconds per run and the medians. Usage (compiled against lake-core's jar and its class path):
 * {@code java -cp CP:CLASSES dev.lake.internal.format.DictionaryBench DATA_DIR TMP ROUNDS}
 */
public final class DictionaryBench {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message row {"
      + " optional binary invoice_no (STRING); optional binary stock_code (STRING);"
      + " optional binary description (STRING); optional binary country (STRING); }");

  public static void main(String[] args) throws Exception {
    List<byte[][]> rows = read(Path.of(args[0], "online_retail", "by-day"));
    Path tmp = Path.of(args[1]);
    Files.createDirectories(tmp);
    int rounds = Integer.parseInt(args[2]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[2][rounds];
    for (int i = -2; i < rounds; i++) {
      for (int v = 0; v < 2; v++) {
        Path file = tmp.resolve("dict-" + v + ".parquet");
        Files.deleteIfExists(file);
        long c0 = threads.getCurrentThreadCpuTime();
        write(rows, file, v == 1);
        double s = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("RUN %s %s cpu=%.3f bytes=%d%n", v == 1 ? "lake" : "parquet", i < 0 ? "warmup" : i + 1,
            s, Files.size(file));
        if (i >= 0) {
          cpu[v][i] = s;
        }
      }
    }
    double p = median(cpu[0]), l = median(cpu[1]);
    System.out.printf("SUMMARY parquet=%.3f lake=%.3f lake/parquet=%.2f%n", p, l, l / p);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** The rows of every file, in order; a month's rows end with a null row (a new file). */
  static List<byte[][]> read(Path dir) throws Exception {
    List<byte[][]> rows = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    String month = null;
    for (Path f : files) {
      String fileMonth = f.getFileName().toString().substring(0, 7);
      if (month != null && !month.equals(fileMonth)) {
        rows.add(null);
      }
      month = fileMonth;
      byte[][] before = new byte[4][];
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
          StandardCharsets.UTF_8))) {
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          List<String> fields = fields(line);
          byte[][] row = new byte[4][];
          int[] which = {0, 1, 2, 7};
          for (int k = 0; k < 4; k++) {
            byte[] b = fields.get(which[k]).getBytes(StandardCharsets.UTF_8);
            row[k] = before[k] != null && Arrays.equals(before[k], b) ? before[k] : b;
          }
          before = row;
          rows.add(row);
        }
      }
    }
    rows.add(null);
    return rows;
  }

  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { b.append('"'); i++; }
        else if (c == '"') { quoted = false; }
        else { b.append(c); }
      } else if (c == '"') { quoted = true; }
      else if (c == ',') { out.add(b.toString()); b.setLength(0); }
      else { b.append(c); }
    }
    out.add(b.toString());
    return out;
  }

  static void write(List<byte[][]> rows, Path file, boolean lake) throws Exception {
    int n = 0;
    ParquetWriter<byte[][]> writer = null;
    for (byte[][] row : rows) {
      if (writer == null) {
        Builder builder = new Builder(new LocalOutputFile(file.resolveSibling(file.getFileName() + "." + n++)))
            .withConf(new PlainParquetConfiguration()).withCodecFactory(ParquetCodecs.INSTANCE)
            .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(true);
        if (lake && !LakeValuesWriterFactory.install(builder)) {
          throw new IllegalStateException("not installed");
        }
        writer = builder.build();
      }
      if (row == null) {
        writer.close();
        writer = null;
        continue;
      }
      writer.write(row);
    }
    Files.writeString(file, "done " + n);
    try (Stream<Path> s = Files.list(file.getParent())) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".")).toList()) {
        Files.delete(p);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<byte[][], Builder> {
    Builder(LocalOutputFile file) { super(file); }
    @Override protected Builder self() { return this; }
    @Override @SuppressWarnings("deprecation")
    protected WriteSupport<byte[][]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) { return new Rows(); }
    @Override protected WriteSupport<byte[][]> getWriteSupport(ParquetConfiguration conf) { return new Rows(); }
  }

  private static final class Rows extends WriteSupport<byte[][]> {
    private RecordConsumer consumer;
    @Override @SuppressWarnings("deprecation")
    public WriteContext init(org.apache.hadoop.conf.Configuration c) { return new WriteContext(SCHEMA, Map.of()); }
    @Override public WriteContext init(ParquetConfiguration c) { return new WriteContext(SCHEMA, Map.of()); }
    @Override public void prepareForWrite(RecordConsumer c) { consumer = c; }
    @Override public void write(byte[][] row) {
      consumer.startMessage();
      for (int i = 0; i < row.length; i++) {
        consumer.startField(SCHEMA.getFieldName(i), i);
        consumer.addBinary(Binary.fromConstantByteArray(row[i]));
        consumer.endField(SCHEMA.getFieldName(i), i);
      }
      consumer.endMessage();
    }
  }
}
