package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.sink.warehouse.Dialect;
import dev.lake.sink.warehouse.LoadMode;
import dev.lake.sink.warehouse.LoadReport;
import dev.lake.sink.warehouse.WarehouseLoad;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Online Retail (541,909 rows, from the example pipeline's Parquet) into an embedded PostgreSQL 17: Lake's
 * {@code COPY … FROM STDIN} load against batched JDBC INSERTs (batch 1,000, one transaction), both reading the same
 * committed files, interleaved after a warm-up of each, each timed load including the DELETE of the previous
 * rows (both tables are vacuumed between runs). Prints each run, the medians in rows/s and the ratio.
 *
 * <pre>{@code
 * mvn -q install -DskipTests
 * (cd benchmarks && mvn -q exec:java -Dexec.mainClass=dev.lake.benchmarks.PostgresLoadBenchmark -Dexec.args="--runs 3")
 * }</pre>
 */
public final class PostgresLoadBenchmark {
  private static final int BATCH = 1_000;

  private PostgresLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    Path data = Path.of("data");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --runs N --data DIR");
      }
    }
    if (!Files.isDirectory(data.resolve("online_retail"))) {
      data = Path.of("..").resolve(data);
    }
    data = data.toAbsolutePath().normalize();
    Path dir = Files.createTempDirectory("lake-pg-bench");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Lake lake = Lake.at(dir.toString());
      PipelineResult made = OnlineRetail.pipeline(data.toUri(), lake).run();
      System.out.printf("Online Retail -> PostgreSQL 17 (embedded), %,d rows, %d cores, Java %s%n",
          made.rowsWritten(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      DataSource ds = pg.getPostgresDatabase();
      copy(lake, ds); // warm-up, and creates the tables
      inserts(lake, ds);
      List<Double> copyRates = new ArrayList<>();
      List<Double> insertRates = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        vacuum(ds); // the previous run's deleted rows would otherwise slow each run down
        double c = copy(lake, ds);
        vacuum(ds);
        double n = inserts(lake, ds);
        copyRates.add(c);
        insertRates.add(n);
        System.out.printf("run %d: COPY %,10.0f rows/s   batched INSERT %,10.0f rows/s%n", i + 1, c, n);
      }
      double cm = median(copyRates);
      double im = median(insertRates);
      System.out.printf("median: COPY FROM STDIN %,.0f rows/s; JDBC INSERT batch %,d %,.0f rows/s; ratio %.1fx%n",
          cm, BATCH, im, cm / im);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Lake's load, REPLACE (DELETE + COPY in one transaction). Returns rows/s. */
  private static double copy(Lake lake, DataSource ds) {
    long start = System.nanoTime();
    LoadReport r = WarehouseLoad.of(lake, OnlineRetail.DATASET).into(Dialect.POSTGRES, ds)
        .table("public.retail_copy").mode(LoadMode.REPLACE).run();
    return r.rows() / ((System.nanoTime() - start) / 1e9);
  }

  /** The same rows through lake.read and a PreparedStatement batch of 1,000, one transaction. Returns rows/s. */
  private static double inserts(Lake lake, DataSource ds) throws Exception {
    long start = System.nanoTime();
    long rows = 0;
    Source<GenericRecord> source = lake.read(OnlineRetail.DATASET);
    try (Connection c = ds.getConnection()) {
      List<Schema.Field> fields = null;
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS retail_insert (LIKE retail_copy)");
        s.execute("DELETE FROM retail_insert");
      }
      PreparedStatement ps = null;
      for (Source<GenericRecord> split : source.split(SourceContext.standalone())) {
        try (SourceReader<GenericRecord> in = split.open(SourceContext.standalone())) {
          while (in.hasNext()) {
            GenericRecord r = in.next();
            if (ps == null) {
              fields = r.getSchema().getFields();
              StringBuilder cols = new StringBuilder();
              StringBuilder marks = new StringBuilder();
              for (Schema.Field f : fields) {
                cols.append(cols.length() == 0 ? "" : ", ").append('"').append(f.name()).append('"');
                marks.append(marks.length() == 0 ? "?" : ", ?");
              }
              ps = c.prepareStatement("INSERT INTO retail_insert (" + cols + ") VALUES (" + marks + ")");
            }
            for (int i = 0; i < fields.size(); i++) {
              bind(ps, i + 1, r.get(i));
            }
            ps.addBatch();
            if (++rows % BATCH == 0) {
              ps.executeBatch();
            }
          }
        }
      }
      if (ps != null) {
        ps.executeBatch();
        ps.close();
      }
      c.commit();
    }
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  private static void bind(PreparedStatement ps, int i, Object v) throws java.sql.SQLException {
    if (v == null) {
      ps.setNull(i, Types.NULL);
    } else if (v instanceof CharSequence s) {
      ps.setString(i, s.toString());
    } else if (v instanceof LocalDateTime t) {
      ps.setTimestamp(i, Timestamp.valueOf(t));
    } else if (v instanceof BigDecimal d) {
      ps.setBigDecimal(i, d);
    } else {
      ps.setObject(i, v);
    }
  }

  private static void vacuum(DataSource ds) throws java.sql.SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("VACUUM retail_copy");
      s.execute("VACUUM retail_insert");
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

}
