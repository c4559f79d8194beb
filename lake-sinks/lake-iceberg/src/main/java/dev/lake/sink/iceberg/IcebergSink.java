package dev.lake.sink.iceberg;

import dev.lake.WriteMode;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.SplitLedger;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.HasTableOperations;

/**
 * Lands a pipeline's rows in an Apache Iceberg table (format version 2), created from the rows' schema on the first
 * run. Lake's own Parquet writer writes the data files, with Iceberg field ids and per-column metrics (value and null
 * counts, lower and upper bounds) so that every engine can prune; the run's files become visible in one Iceberg
 * commit, with the run's id and the input splits it read in the snapshot's summary. That ledger makes re-runs,
 * retries and concurrent runs over overlapping input add every split once: the runner skips splits the table holds,
 * and the commit checks the ledger again on every attempt (a split taken meanwhile sends the run into another round,
 * nothing of the attempt visible and its files removed).
 *
 * <p>Writes ({@link IcebergWrite}): append (the default), overwrite of the whole table ({@code mode(OVERWRITE)}),
 * overwrite of the partitions the rows fall into ({@link #overwritePartitions()}), and upsert by key
 * ({@link #upsertBy}: equality deletes, merge-on-read), each in one snapshot. Partitions are those of
 * {@link #partitionBy}: identity (the column stays in the data files, as Iceberg readers need) or a transform.
 *
 * <pre>{@code
 * IcebergCatalog catalog = IcebergCatalog.local("./lake/iceberg");
 * PipelineResult r = Pipeline.from(CsvSource.of(Sale.class).from("data/by-day/*.csv.gz"))
 *     .named("online-retail")
 *     .map("partition-by-month", RetailRow::of)
 *     .to(catalog.<RetailRow>table("retail.online_retail").partitionBy("year", "month"))
 *     .run();
 * }</pre>
 *
 * @param <T> the row type
 */
public final class IcebergSink<T> implements Sink<T>, SplitLedger {
  private static final long serialVersionUID = 1L;
  /** Files roll over at about this size. */
  public static final long DEFAULT_TARGET_FILE_BYTES = 128L * 1024 * 1024;

  private final IcebergCatalog catalog;
  private final String table;
  private final Settings settings;

  /** Everything a sink is configured with besides its table, copied with one change by each builder method. */
  private record Settings(List<String> partitionBy, IcebergWrite write, List<String> key, long targetFileBytes,
      int maxOpenFiles) implements java.io.Serializable {
    Settings with(List<String> p, IcebergWrite w, List<String> k) {
      return new Settings(p, w, k, targetFileBytes, maxOpenFiles);
    }
  }

  IcebergSink(IcebergCatalog catalog, String table) {
    this(catalog, table, new Settings(List.of(), IcebergWrite.APPEND, List.of(), DEFAULT_TARGET_FILE_BYTES, 16));
  }

  private IcebergSink(IcebergCatalog catalog, String table, Settings settings) {
    ValidationException.check(table != null && table.contains("."), "An Iceberg table is named namespace.table, "
        + "e.g. \"retail.online_retail\", but was %s", table);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.table = table;
    this.settings = settings;
  }

  /**
   * The partitions of a table this sink creates (an existing table keeps its own spec), in Iceberg SQL's words: a
   * column name (identity), {@code year(col)}, {@code month(col)}, {@code day(col)}, {@code hour(col)},
   * {@code bucket(n, col)} or {@code truncate(w, col)}: hidden partitioning, readers filter on the column itself.
   */
  public IcebergSink<T> partitionBy(String... columns) {
    for (String c : columns) {
      ValidationException.check(c != null && !c.isBlank(), "Partition column names must not be blank");
    }
    return new IcebergSink<>(catalog, table, settings.with(List.of(columns), settings.write(), settings.key()));
  }

  /** {@link WriteMode#APPEND} (default) or {@link WriteMode#OVERWRITE} (replace the whole table). */
  public IcebergSink<T> mode(WriteMode writeMode) {
    IcebergWrite write = Objects.requireNonNull(writeMode, "mode") == WriteMode.APPEND ? IcebergWrite.APPEND
        : IcebergWrite.OVERWRITE;
    return new IcebergSink<>(catalog, table, settings.with(settings.partitionBy(), write, List.of()));
  }

  /** Replace the partitions the run's rows fall into, keeping the table's other partitions. */
  public IcebergSink<T> overwritePartitions() {
    return new IcebergSink<>(catalog, table, settings.with(settings.partitionBy(), IcebergWrite.OVERWRITE_PARTITIONS,
        List.of()));
  }

  /**
   * Upsert by key: a row replaces the table's row with the same values in these columns (an Iceberg equality delete
   * and the new row, in one snapshot: merge-on-read), or is added. The key must include the table's partition
   * columns, as in Iceberg's Flink upsert. Of two rows with the same key in one run, the one from the later input
   * split (the source's order) wins, whether one writer or two read them: the commit deletes the other by position.
   * The commit holds every distinct key of the run in memory once, as each writer holds its own: an upsert run's
   * keys must fit in the committing JVM's heap.
   */
  public IcebergSink<T> upsertBy(String... keyColumns) {
    ValidationException.check(keyColumns.length > 0, "upsertBy needs at least one key column");
    return new IcebergSink<>(catalog, table, settings.with(settings.partitionBy(), IcebergWrite.UPSERT,
        List.of(keyColumns)));
  }

  /** Roll files over at about this many bytes (default 128 MiB). */
  public IcebergSink<T> targetFileBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "targetFileBytes must be at least 1024 but was %s", bytes);
    return new IcebergSink<>(catalog, table, new Settings(settings.partitionBy(), settings.write(), settings.key(),
        bytes, settings.maxOpenFiles()));
  }

  /** At most this many files open at once per writer (the least recently used is finished first; default 16). */
  public IcebergSink<T> maxOpenFiles(int files) {
    ValidationException.check(files >= 1, "maxOpenFiles must be at least 1 but was %s", files);
    return new IcebergSink<>(catalog, table, new Settings(settings.partitionBy(), settings.write(), settings.key(),
        settings.targetFileBytes(), files));
  }

  @Override
  public String name() {
    return "iceberg:" + table;
  }

  @Override
  public SinkWriter<T> open(WriterContext ctx) {
    return new IcebergSinkWriter<>(this, ctx);
  }

  @Override
  public CommitSummary commit(List<WriterResult> results, CommitContext ctx) throws IOException {
    return new IcebergCommit(this).commit(results, ctx);
  }

  /** Removes the data files of writers whose run will not commit (never those of a snapshot). */
  @Override
  public void abort(List<WriterResult> results) throws IOException {
    new IcebergCommit(this).removeUncommitted(results);
  }

  /**
   * Reading, listing, writing and deleting objects under the table's prefix; the Glue table actions for a Glue
   * catalog. See {@link dev.lake.Pipeline#requiredPermissions}.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return IcebergPermissions.of(catalog.properties(), table, scope);
  }

  @Override
  public Map<String, String> committedSplits() {
    if (!catalog.exists(table)) {
      return Map.of();
    }
    org.apache.iceberg.Table t = catalog.load(table);
    return SnapshotLedger.of(((HasTableOperations) t).operations().current(), t.io());
  }

  /** The cursors the newest snapshot of {@code pipeline} carries (its run's cursors, committed with its data). */
  @Override
  public java.util.Optional<SplitLedger.Cursors> committedCursors(String pipeline) {
    if (!catalog.exists(table)) {
      return java.util.Optional.empty();
    }
    return SnapshotLedger.cursors(((HasTableOperations) catalog.load(table)).operations().current(), pipeline);
  }

  /** Appends and upserts skip input the table holds; overwrites read everything. */
  @Override
  public boolean appendsOnly() {
    return settings.write() == IcebergWrite.APPEND || settings.write() == IcebergWrite.UPSERT;
  }

  public IcebergCatalog catalog() {
    return catalog;
  }

  /** The table's name, {@code namespace.table}. */
  public String table() {
    return table;
  }

  public List<String> partitionBy() {
    return settings.partitionBy();
  }

  /** How the run's rows change the table. */
  public IcebergWrite write() {
    return settings.write();
  }

  /** The upsert key's columns (empty unless {@link #upsertBy}). */
  public List<String> key() {
    return settings.key();
  }

  public long targetFileBytes() {
    return settings.targetFileBytes();
  }

  public int maxOpenFiles() {
    return settings.maxOpenFiles();
  }
}
