package dev.lake.sink.iceberg;

import dev.lake.io.SourceReader;
import dev.lake.io.TableSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * An Iceberg snapshot, planned on first use, as lake-core's {@link TableSnapshot}, so that lake-loader-warehouse's warehouse loads read it
 * without depending on Iceberg: the version is the snapshot's sequence number (it grows with every commit of a
 * format-2 table), the files are its data files, and their rows are read through {@link SnapshotRows} with the
 * deletes applied.
 *
 * <pre>{@code
 * TableSnapshot s = IcebergRead.of(catalog, "retail.sales").asTableSnapshot();
 * }</pre>
 */
final class IcebergTableSnapshot implements TableSnapshot {
  private final IcebergRead read;
  private IcebergRead.Plan planned;

  IcebergTableSnapshot(IcebergRead read) {
    this.read = read;
  }

  private synchronized IcebergRead.Plan plan() {
    if (planned == null) {
      planned = read.plan();
    }
    return planned;
  }

  @Override
  public TableSnapshot refreshed() {
    return read.newest() ? new IcebergTableSnapshot(read) : this;
  }

  @Override
  public String name() {
    String n = read.name();
    return "iceberg " + (n.chars().filter(c -> c == '.').count() >= 2 ? n.substring(n.indexOf('.') + 1) : n);
  }

  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return read.permissions(scope);
  }

  @Override
  public List<String> partitioning() {
    List<String> out = new ArrayList<>();
    org.apache.iceberg.Table table = plan().table();
    for (org.apache.iceberg.PartitionField f : table.spec().fields()) {
      String column = table.schema().findColumnName(f.sourceId());
      String t = f.transform().toString(); // identity, year, month, day, hour, bucket[16], truncate[10], void
      if (t.equals("identity")) {
        out.add(column);
      } else if (t.startsWith("bucket[") || t.startsWith("truncate[")) {
        out.add(t.substring(0, t.indexOf('[')) + "(" + t.substring(t.indexOf('[') + 1, t.length() - 1) + ", "
            + column + ")");
      } else if (!t.equals("void")) {
        out.add(t + "(" + column + ")");
      }
    }
    return out;
  }

  @Override
  public String location() {
    return plan().table().location();
  }

  @Override
  public long version() {
    Snapshot s = plan().snapshot();
    if (s == null) {
      return 0;
    }
    if (s.sequenceNumber() > 0) {
      return s.sequenceNumber();
    }
    long n = 0; // a format-1 table has no sequence numbers: its snapshots' depth in the history grows as well
    for (Snapshot ignored : SnapshotUtil.ancestorsOf(s.snapshotId(), plan().table()::snapshot)) {
      n++;
    }
    return n;
  }

  @Override
  public Schema schema() {
    return plan().rowSchema();
  }

  @Override
  public List<File> files() {
    List<File> out = new ArrayList<>();
    plan().files().forEach(t -> out.add(File.of(t.file().location(), t.file().recordCount(),
        t.file().fileSizeInBytes())));
    return out;
  }

  @Override
  public boolean hasDeletes() {
    return plan().hasDeletes();
  }

  @Override
  public SourceReader<GenericRecord> open(Collection<String> paths) {
    Set<String> wanted = new HashSet<>(paths);
    List<FileScanTask> tasks = plan().files().stream().filter(t -> wanted.contains(t.file().location())).toList();
    if (tasks.size() != wanted.size()) {
      throw new IllegalArgumentException("Not data files of " + name() + " at snapshot "
          + plan().snapshot().snapshotId() + ": " + wanted.stream().filter(p -> tasks.stream()
              .noneMatch(t -> t.file().location().equals(p))).toList());
    }
    return new SnapshotRows(tasks, plan().schema(), plan().rowSchema(), plan().table().io());
  }

  @Override
  public String toString() {
    return name() + (read.newest() ? " (newest)" : "");
  }
}
