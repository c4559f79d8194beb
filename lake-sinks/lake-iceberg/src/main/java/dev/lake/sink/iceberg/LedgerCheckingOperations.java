package dev.lake.sink.iceberg;

import dev.lake.exceptions.SplitsCommittedException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * The table operations of one commit, which check the split ledger against the exact table state each attempt
 * commits on: Iceberg calls {@link #commit} once per attempt, with the metadata it refreshed after a conflict, so a
 * split committed by a concurrent run between two attempts is found before this run's snapshot can follow it. Then
 * the commit fails with {@link SplitsCommittedException} (not retried), and Iceberg removes the manifests it wrote.
 *
 * <pre>{@code
 * Table checked = new BaseTable(new LedgerCheckingOperations(ops, splits, "iceberg:db.t"), table.name());
 * checked.newFastAppend().appendFile(file).commit();
 * }</pre>
 */
final class LedgerCheckingOperations implements TableOperations {
  private final TableOperations ops;
  private final Set<String> splits;
  private final String sink;

  LedgerCheckingOperations(TableOperations ops, Set<String> splits, String sink) {
    this.ops = ops;
    this.splits = Set.copyOf(splits);
    this.sink = sink;
  }

  @Override
  public void commit(TableMetadata base, TableMetadata metadata) {
    if (!splits.isEmpty()) {
      Map<String, String> ledger = SnapshotLedger.of(base);
      Set<String> taken = new TreeSet<>();
      Set<String> runs = new HashSet<>();
      for (String split : splits) {
        String run = ledger.get(split);
        if (run != null) {
          taken.add(split);
          if (!run.isEmpty()) {
            runs.add(run);
          }
        }
      }
      if (!taken.isEmpty()) {
        throw new SplitsCommittedException(sink, taken, runs);
      }
    }
    ops.commit(base, metadata);
  }

  @Override
  public TableMetadata current() {
    return ops.current();
  }

  @Override
  public TableMetadata refresh() {
    return ops.refresh();
  }

  @Override
  public FileIO io() {
    return ops.io();
  }

  @Override
  public EncryptionManager encryption() {
    return ops.encryption();
  }

  @Override
  public String metadataFileLocation(String fileName) {
    return ops.metadataFileLocation(fileName);
  }

  @Override
  public LocationProvider locationProvider() {
    return ops.locationProvider();
  }

  @Override
  public long newSnapshotId() {
    return ops.newSnapshotId();
  }

  @Override
  public TableOperations temp(TableMetadata uncommittedMetadata) {
    return ops.temp(uncommittedMetadata);
  }
}
