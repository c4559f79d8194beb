package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.CommitContext;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upserts whose key versions are read by different workers of one run (an invoice file and its correction, each
 * read by its own worker): every key stays once, with the row of the latest split in the run's input, as one worker
 * reading them in order would leave it. The rows land in one snapshot, out of the reach of equality deletes; the
 * commit deletes the superseded rows by position. Read back by {@link IcebergRead} and checked against Iceberg's own
 * scan planning (which delete files apply to which data files).
 */
class IcebergUpsertAcrossWritersTest {
  private static final Map<String, CyclicBarrier> BARRIERS = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  record Line(String invoice, int line, int month, int quantity, String split) {}

  /**
   * Splits read in rounds of {@code workers}: each split waits, when opened, until a split is open on every worker,
   * so the splits of one round are read by different workers (no timing involved; the wait fails after a minute
   * only so that a broken run cannot hang the build).
   */
  static final class DealtSplits implements Source<Line> {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, List<Line>> splits;
    private final String only;
    private final String barrier;

    DealtSplits(Map<String, List<Line>> splits, String only, String barrier) {
      this.splits = new LinkedHashMap<>(splits);
      this.only = only;
      this.barrier = barrier;
    }

    @Override
    public String name() {
      return "dealt-splits";
    }

    @Override
    public String id() {
      return "split:" + (only == null ? String.join(",", splits.keySet()) : only);
    }

    @Override
    public List<DealtSplits> split(SourceContext ctx) {
      List<DealtSplits> out = new ArrayList<>();
      splits.keySet().forEach(name -> out.add(new DealtSplits(Map.of(name, splits.get(name)), name, barrier)));
      return out;
    }

    @Override
    public SourceReader<Line> open(SourceContext ctx) throws IOException {
      try {
        BARRIERS.get(barrier).await(1, TimeUnit.MINUTES);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IOException("The workers did not all open a split: " + e, e);
      }
      return SourceReader.of(splits.get(only).iterator(), id());
    }

    @Override
    public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
      return dev.lake.iam.IamPolicy.empty();
    }
  }

  private static PipelineResult upsert(IcebergCatalog catalog, Map<String, List<Line>> splits, int workers) {
    String barrier = java.util.UUID.randomUUID().toString();
    BARRIERS.put(barrier, new CyclicBarrier(workers));
    try {
      return Pipeline.from(new DealtSplits(splits, null, barrier)).named("invoices").withParallelism(workers)
          .to(sink(catalog))
          .run();
    } finally {
      BARRIERS.remove(barrier);
    }
  }

  private static IcebergSink<Line> sink(IcebergCatalog catalog) {
    return catalog.<Line>table("shop.invoice_lines").partitionBy("month").upsertBy("invoice", "line", "month");
  }

  private static String key(Object invoice, Object line, Object month) {
    return invoice + "/" + line + "/" + month;
  }

  /** Each key's row in the table, failing on a key found twice; read by {@link IcebergRead}. */
  private static Map<String, String> rowsByKey(Table table) throws IOException {
    Map<String, String> byKey = new TreeMap<>();
    for (GenericRecord r : IcebergTableReader.rows(table)) {
      String k = key(r.get("invoice"), r.get("line"), r.get("month"));
      assertThat(byKey.put(k, r.get("quantity") + "@" + r.get("split"))).as("key %s once", k).isNull();
    }
    return byKey;
  }

  @Test
  void keysReadByDifferentWorkers_oneRowPerKey_theLatestSplitWins() throws Exception {
    long seed = Long.getLong("lake.upsert.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int iteration = 0; iteration < 3; iteration++) {
      int workers = 2 + random.nextInt(3);
      IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w" + iteration).toString());
      Map<String, String> expected = new TreeMap<>();
      Set<String> acrossWorkers = new HashSet<>();
      List<Map<String, List<Line>>> runs = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        Map<String, List<Line>> splits = new LinkedHashMap<>();
        int rounds = 1 + random.nextInt(3);
        for (int round = 0; round < rounds; round++) {
          Map<String, Integer> firstSplitOfKey = new HashMap<>();
          for (int w = 0; w < workers; w++) {
            String name = "run" + run + "-round" + round + "-file" + w;
            List<Line> rows = new ArrayList<>();
            // every split of a round has the round's shared key: written by every worker of the round
            rows.add(new Line("shared-" + run + "-" + round, 1, 12, random.nextInt(1000), name));
            for (int n = random.nextInt(12); n > 0; n--) {
              int k = random.nextInt(25);
              rows.add(new Line("inv-" + k, 1 + random.nextInt(2), 1 + k % 3, random.nextInt(1000), name));
            }
            for (Line l : rows) {
              String k = key(l.invoice(), l.line(), l.month());
              expected.put(k, l.quantity() + "@" + l.split());
              if (firstSplitOfKey.putIfAbsent(k, w) != null && firstSplitOfKey.get(k) != w) {
                acrossWorkers.add(k);
              }
            }
            splits.put(name, rows);
          }
        }
        runs.add(splits);
        upsert(catalog, splits, workers);
      }
      assertThat(acrossWorkers).as("keys written by two workers of one run (seed %s)", seed).isNotEmpty();

      Table table = catalog.load("shop.invoice_lines");
      assertThat(rowsByKey(table)).as("seed %s", seed).isEqualTo(expected);
      assertThat(rowsByIcebergPlanning(table)).as("by Iceberg's planning, seed %s", seed).isEqualTo(expected);

      // A re-run over the same input adds nothing: every split is in the ledger already
      PipelineResult again = upsert(catalog, runs.get(0), workers);
      assertThat(again.rowsWritten()).isZero();
      assertThat(rowsByKey(catalog.load("shop.invoice_lines"))).isEqualTo(expected);
    }
  }

  /**
   * The table's rows by key read without {@link IcebergRead}: Iceberg's scan planning says which delete files apply
   * to which data file (by sequence number and partition), the files themselves are read raw, and a row goes when an
   * applying position delete names its position or an applying equality delete its key. Fails on a key found twice.
   */
  private static Map<String, String> rowsByIcebergPlanning(Table table) throws IOException {
    Map<String, String> byKey = new TreeMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask t : tasks) {
        Set<Long> positions = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (DeleteFile d : t.deletes()) {
          for (GenericRecord r : IcebergTableReader.parquetRows(d.location())) {
            if (d.content() == FileContent.POSITION_DELETES) {
              if (r.get("file_path").toString().equals(t.file().location())) {
                positions.add((Long) r.get("pos"));
              }
            } else {
              keys.add(key(r.get("invoice"), r.get("line"), r.get("month")));
            }
          }
        }
        List<GenericRecord> rows = IcebergTableReader.parquetRows(t.file().location());
        for (int pos = 0; pos < rows.size(); pos++) {
          GenericRecord r = rows.get(pos);
          String k = key(r.get("invoice"), r.get("line"), r.get("month"));
          if (!positions.contains((long) pos) && !keys.contains(k)) {
            assertThat(byKey.put(k, r.get("quantity") + "@" + r.get("split"))).as("key %s once", k).isNull();
          }
        }
      }
    }
    return byKey;
  }

  @Test
  void writersResultsSentLikeSparkTasks_theLaterSplitWinsNotTheHigherWriter() throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("w").toString());
    IcebergSink<Line> sink = sink(catalog);
    List<WriterResult> results = new ArrayList<>();
    // writer 1 reads the first split (the original), writer 0 the second (the correction)
    try (SinkWriter<Line> w0 = sink.open(WriterContext.of("run-1", 0));
        SinkWriter<Line> w1 = sink.open(WriterContext.of("run-1", 1))) {
      w1.startSplit("split:original", 0);
      w1.write(new Line("536365", 1, 12, 6, "original"));
      w1.write(new Line("536365", 2, 12, 8, "original"));
      w0.startSplit("split:correction", 1);
      w0.write(new Line("536365", 1, 12, 3, "correction"));
      results.add(throughJavaSerialization(w1.commit()));
      results.add(throughJavaSerialization(w0.commit()));
    }
    sink.commit(results, CommitContext.of("invoices", "k", "run-1"));
    assertThat(rowsByKey(catalog.load("shop.invoice_lines")))
        .isEqualTo(Map.of(key("536365", 1, 12), "3@correction", key("536365", 2, 12), "8@original"));
  }

  private static WriterResult throughJavaSerialization(WriterResult r) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (WriterResult) in.readObject();
    }
  }
}
