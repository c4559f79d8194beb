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
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Lands a pipeline's rows in an Apache Iceberg table (format version 2), created from the rows' schema on the first
 * run. Lake's own Parquet writer writes the data files, with Iceberg field ids and per-column metrics (value and null
 * counts, lower and upper bounds) so that every engine can prune; the run's files become visible in one Iceberg
 * commit, with the run's id and the input splits it read in the snapshot's summary. That ledger makes re-runs,
 * retries and concurrent runs over overlapping input add every split once: the runner skips splits the table holds,
 * and the commit checks the ledger again on every attempt (a split taken meanwhile sends the run into another round,
 * nothing of the attempt visible and its files removed).
 *
 * <p>Write modes: {@link WriteMode#APPEND} (the default) adds the run's rows; {@link WriteMode#OVERWRITE} replaces the
 * whole table with them in one snapshot. Partitions are identity partitions on the named columns, which stay in the
 * data files (Iceberg readers need them there).
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
  private final List<String> partitionBy;
  private final WriteMode mode;
  private final long targetFileBytes;
  private final int maxOpenFiles;

  IcebergSink(IcebergCatalog catalog, String table) {
    this(catalog, table, List.of(), WriteMode.APPEND, DEFAULT_TARGET_FILE_BYTES, 16);
  }

  private IcebergSink(IcebergCatalog catalog, String table, List<String> partitionBy, WriteMode mode,
      long targetFileBytes, int maxOpenFiles) {
    ValidationException.check(table != null && table.contains("."), "An Iceberg table is named namespace.table, "
        + "e.g. \"retail.online_retail\", but was %s", table);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.table = table;
    this.partitionBy = List.copyOf(partitionBy);
    this.mode = mode;
    this.targetFileBytes = targetFileBytes;
    this.maxOpenFiles = maxOpenFiles;
  }

  /**
   * Identity partitions on these columns, for a table this sink creates; an existing table keeps its own spec.
   */
  public IcebergSink<T> partitionBy(String... columns) {
    for (String c : columns) {
      ValidationException.check(c != null && !c.isBlank(), "Partition column names must not be blank");
    }
    return new IcebergSink<>(catalog, table, List.of(columns), mode, targetFileBytes, maxOpenFiles);
  }

  /** {@link WriteMode#APPEND} (default) or {@link WriteMode#OVERWRITE} (replace the whole table). */
  public IcebergSink<T> mode(WriteMode writeMode) {
    return new IcebergSink<>(catalog, table, partitionBy, Objects.requireNonNull(writeMode, "mode"), targetFileBytes,
        maxOpenFiles);
  }

  /** Roll files over at about this many bytes (default 128 MiB). */
  public IcebergSink<T> targetFileBytes(long bytes) {
    ValidationException.check(bytes >= 1024, "targetFileBytes must be at least 1024 but was %s", bytes);
    return new IcebergSink<>(catalog, table, partitionBy, mode, bytes, maxOpenFiles);
  }

  /** At most this many files open at once per writer (the least recently used is finished first; default 16). */
  public IcebergSink<T> maxOpenFiles(int files) {
    ValidationException.check(files >= 1, "maxOpenFiles must be at least 1 but was %s", files);
    return new IcebergSink<>(catalog, table, partitionBy, mode, targetFileBytes, files);
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

  @Override
  public Map<String, String> committedSplits() {
    if (!catalog.catalog().tableExists(TableIdentifier.parse(table))) {
      return Map.of();
    }
    return SnapshotLedger.of(((HasTableOperations) catalog.load(table)).operations().current());
  }

  @Override
  public boolean appendsOnly() {
    return mode == WriteMode.APPEND;
  }

  public IcebergCatalog catalog() {
    return catalog;
  }

  /** The table's name, {@code namespace.table}. */
  public String table() {
    return table;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public WriteMode mode() {
    return mode;
  }

  public long targetFileBytes() {
    return targetFileBytes;
  }

  public int maxOpenFiles() {
    return maxOpenFiles;
  }
}
