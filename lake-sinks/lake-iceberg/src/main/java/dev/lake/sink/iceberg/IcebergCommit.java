package dev.lake.sink.iceberg;

import dev.lake.exceptions.CommitFailedException;
import dev.lake.exceptions.CommitStateUnknownException;
import dev.lake.exceptions.SplitsCommittedException;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's Iceberg commit: every writer's data files (and an upsert's delete files) in one snapshot (a fast append,
 * an overwrite of the whole table or of the partitions written, or a row delta), its summary naming the run, the
 * attempt and the splits read. The split ledger is checked on every attempt
 * ({@link LedgerCheckingOperations}); a commit that fails for sure removes the attempt's data files, one whose outcome
 * is unknown leaves them (they may be in the table).
 *
 * <pre>{@code
 * CommitSummary s = new IcebergCommit(sink).commit(results, ctx);
 * }</pre>
 */
final class IcebergCommit {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergCommit.class);
  static final String ATTEMPT = "lake.attempt";

  private final IcebergSink<?> sink;

  IcebergCommit(IcebergSink<?> sink) {
    this.sink = sink;
  }

  CommitSummary commit(List<WriterResult> results, CommitContext ctx) throws IOException {
    List<DataFile> files = new ArrayList<>();
    List<DeleteFile> deletes = new ArrayList<>();
    List<dev.lake.io.DataFile> lakeFiles = new ArrayList<>();
    Set<String> splits = new LinkedHashSet<>();
    Set<String> attempts = new LinkedHashSet<>();
    long rows = 0;
    for (WriterResult r : results) {
      files.addAll(DataFileCodec.<DataFile>decode(r.metadata().get(DataFileCodec.KEY)));
      deletes.addAll(DataFileCodec.<DeleteFile>decode(r.metadata().get(DataFileCodec.DELETES)));
      lakeFiles.addAll(r.files());
      r.files().forEach(f -> {
        splits.addAll(f.splits());
        attempts.add(f.commitKey());
      });
      rows += r.rows();
    }
    TableIdentifier id = TableIdentifier.parse(sink.table());
    IcebergWrite write = sink.write();
    boolean skipsInput = sink.appendsOnly();
    if (files.isEmpty() && (write != IcebergWrite.OVERWRITE || !sink.catalog().catalog().tableExists(id))) {
      return CommitSummary.unchanged(sink.name(), currentSequence(id));
    }
    Table table = sink.catalog().load(sink.table());
    TableOperations ops = ((HasTableOperations) table).operations();
    Table checked = new BaseTable(new LedgerCheckingOperations(ops, skipsInput ? splits : Set.of(), sink.name()),
        table.name());
    SnapshotUpdate<?> update = switch (write) {
      case APPEND -> {
        AppendFiles a = checked.newFastAppend();
        files.forEach(a::appendFile);
        yield a;
      }
      case OVERWRITE -> {
        OverwriteFiles o = checked.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
        files.forEach(o::addFile);
        o.set(SnapshotLedger.REPLACES, "true");
        yield o;
      }
      case OVERWRITE_PARTITIONS -> {
        ReplacePartitions p = checked.newReplacePartitions();
        files.forEach(p::addFile);
        yield p;
      }
      case UPSERT -> {
        RowDelta d = checked.newRowDelta();
        files.forEach(d::addRows);
        deletes.forEach(d::addDeletes);
        acrossWriters(table, results, ctx, lakeFiles).forEach(d::addDeletes);
        yield d;
      }
    };
    update.set(SnapshotLedger.RUN, ctx.runId());
    update.set(SnapshotLedger.PIPELINE, ctx.pipeline());
    update.set(ATTEMPT, String.join(",", attempts));
    update.set(SnapshotLedger.SPLITS, SnapshotLedger.json(splits));
    if (!ctx.cursors().isEmpty()) {
      update.set(SnapshotLedger.CURSORS, SnapshotLedger.jsonMap(ctx.cursors()));
    }
    try {
      update.commit();
    } catch (SplitsCommittedException e) {
      remove(lakeFiles);
      throw e;
    } catch (org.apache.iceberg.exceptions.CommitStateUnknownException e) {
      throw new CommitStateUnknownException("The Iceberg commit of run " + ctx.runId() + " to " + sink.table()
          + " may or may not have happened (" + e.getMessage() + "); run again: the split ledger in the table's "
          + "snapshots keeps a committed split from being added twice", e);
    } catch (org.apache.iceberg.exceptions.CommitFailedException e) {
      remove(lakeFiles);
      throw new CommitFailedException("The Iceberg commit of run " + ctx.runId() + " to " + sink.table()
          + " failed after its retries (" + e.getMessage() + "); nothing of it is visible. Run again.", e);
    } catch (RuntimeException e) {
      remove(lakeFiles);
      throw e;
    }
    table.refresh();
    Snapshot mine = find(table, ctx.runId(), attempts);
    long version = mine == null ? table.currentSnapshot().sequenceNumber() : mine.sequenceNumber();
    return CommitSummary.builder().sink(sink.name()).version(version).rows(rows).files(lakeFiles).build();
  }

  /**
   * Position deletes for keys several writers wrote (the row of the latest split stays), written now and listed in
   * {@code lakeFiles} so that a failed commit removes them too.
   */
  private List<DeleteFile> acrossWriters(Table table, List<WriterResult> results, CommitContext ctx,
      List<dev.lake.io.DataFile> lakeFiles) throws IOException {
    List<URI> written = new ArrayList<>();
    try {
      List<DeleteFile> out = CrossWriterUpserts.deletes(table, results, ctx.runId(), written);
      for (DeleteFile d : out) {
        lakeFiles.add(dev.lake.io.DataFile.of(d.location(), java.util.Map.of(), d.recordCount(),
            d.fileSizeInBytes(), ctx.runId()));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      for (URI uri : written) {
        try {
          LakeFileIO.store(uri.toString()).delete(uri);
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      remove(lakeFiles);
      throw e;
    }
  }

  /** The sequence number of the table's newest snapshot: the version a run that commits nothing leaves it at. */
  private long currentSequence(TableIdentifier id) {
    if (!sink.catalog().catalog().tableExists(id)) {
      return 0;
    }
    Snapshot current = sink.catalog().load(sink.table()).currentSnapshot();
    return current == null ? 0 : current.sequenceNumber();
  }

  private static Snapshot find(Table table, String runId, Set<String> attempts) {
    String attempt = String.join(",", attempts);
    for (Snapshot s = table.currentSnapshot(); s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      if (runId.equals(s.summary().get(SnapshotLedger.RUN)) && attempt.equals(s.summary().get(ATTEMPT))) {
        return s;
      }
    }
    return null;
  }

  /** Removes the data files of results whose attempt is in no snapshot of the table. */
  void removeUncommitted(List<WriterResult> results) throws IOException {
    List<dev.lake.io.DataFile> files = new ArrayList<>();
    results.forEach(r -> files.addAll(r.files()));
    if (files.isEmpty()) {
      return;
    }
    Set<String> committedAttempts = new HashSet<>();
    TableIdentifier id = TableIdentifier.parse(sink.table());
    if (sink.catalog().catalog().tableExists(id)) {
      for (Snapshot s : sink.catalog().load(sink.table()).snapshots()) {
        String a = s.summary().get(ATTEMPT);
        if (a != null) {
          committedAttempts.addAll(List.of(a.split(",")));
        }
      }
    }
    remove(files.stream().filter(f -> !committedAttempts.contains(f.commitKey())).toList());
  }

  private void remove(List<dev.lake.io.DataFile> files) {
    for (dev.lake.io.DataFile f : files) {
      try {
        URI uri = LakeFileIO.uri(f.path());
        LakeFileIO.store(f.path()).delete(uri);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not remove {} of an uncommitted run: {}; it is in no snapshot, so no reader sees it",
            f.path(), e.toString());
      }
    }
  }
}
