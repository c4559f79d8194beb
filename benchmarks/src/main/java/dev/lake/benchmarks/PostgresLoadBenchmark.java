package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.loader.warehouse.Dialect;
import dev.lake.loader.warehouse.LoadMode;
import dev.lake.loader.warehouse.LoadReport;
import dev.lake.loader.warehouse.WarehouseLoad;
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
import java.util.List;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Online Retail (541,909 rows, from the example pipeline's Parquet) into an embedded PostgreSQL 17: Lake's
 * {@code COPY … FROM STDIN} load ({@link WarehouseLoad}, REPLACE) against batched JDBC INSERTs (batch 1,000, one
 * transaction), both reading the same committed files, interleaved after a warm-up, each timed load including the
 * DELETE of the previous rows (both tables are vacuumed before each run, untimed).
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only postgres"
 * }</pre>
 */
final class PostgresLoadBenchmark implements Benchmark {
  private static final int BATCH = 1_000;

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(s.work()), "postgres-lake-");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      Lake lake = Lake.at(dir.toString());
      OnlineRetail.pipeline(s.data().toUri(), lake).run();
      DataSource ds = pg.getPostgresDatabase();
      copy(lake, ds); // creates the table the INSERT variant copies the shape of
      h.compare(Comparison.of(name(), "541,909 committed Online Retail rows -> PostgreSQL 17 (embedded)")
          .variant("lake-copy", (clock, work) -> {
            vacuum(ds);
            clock.restart();
            return Outcome.rows(copy(lake, ds));
          })
          .variant("jdbc-insert-batch", (clock, work) -> {
            vacuum(ds);
            clock.restart();
            return Outcome.rows(inserts(lake, ds));
          })
          .warmups(s.warmups(1, 0))
          .runs(s.runs(3, 1)));
    } finally {
      Harness.delete(dir);
    }
  }

  /** Lake's load, REPLACE (DELETE + COPY in one transaction). Returns rows. */
  private static long copy(Lake lake, DataSource ds) {
    LoadReport r = WarehouseLoad.of(lake, OnlineRetail.DATASET).into(Dialect.POSTGRES, ds)
        .table("public.retail_copy").mode(LoadMode.REPLACE).run();
    return r.rows();
  }

  /** The same rows through lake.read and a PreparedStatement batch of 1,000, one transaction. Returns rows. */
  private static long inserts(Lake lake, DataSource ds) throws Exception {
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
    return rows;
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
      s.execute("CREATE TABLE IF NOT EXISTS retail_insert (LIKE retail_copy)");
      s.execute("VACUUM retail_insert");
    }
  }
}
