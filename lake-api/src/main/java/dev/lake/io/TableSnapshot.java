package dev.lake.io;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One committed snapshot of a table that is not a Lake dataset (an Apache Iceberg table, through lake-iceberg's
 * {@code IcebergRead}), as a loader that copies it elsewhere needs it: an identity, a version that grows with every
 * commit, the row schema, the data files whose rows it holds (what an incremental load records), and the rows of any
 * of those files with the rows the table deleted since left out. Lets lake-loader-warehouse's {@code WarehouseLoad} load
 * Iceberg snapshots without depending on Iceberg.
 *
 * <pre>{@code
 * IcebergCatalog catalog = IcebergCatalog.local("./lake/iceberg");
 * TableSnapshot snapshot = IcebergRead.of(catalog, "retail.online_retail").asTableSnapshot();
 * try (SourceReader<GenericRecord> rows = snapshot.open(snapshot.files().stream().map(TableSnapshot.File::path)
 *     .toList())) { rows.forEachRemaining(System.out::println); }
 * }</pre>
 */
public interface TableSnapshot {
  /**
   * A data file of the snapshot.
   *
   * <pre>{@code
   * TableSnapshot.File f = TableSnapshot.File.of("s3://bucket/warehouse/retail/sales/data/00000-0.parquet", 1_000,
   *     65_536);
   * }</pre>
   *
   * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the
   * snapshots that list files.
   */
  final class File {
    private final String path;
    private final long rows;
    private final long bytes;

    private File(String path, long rows, long bytes) {
      this.path = path;
      this.rows = rows;
      this.bytes = bytes;
    }

    /**
     * A data file.
     *
     * @param path its absolute location ({@code file:///…}, {@code s3://…}); names are never reused
     * @param rows rows in the file, before any deletes
     * @param bytes its size
     */
    public static File of(String path, long rows, long bytes) {
      return new File(path, rows, bytes);
    }

    /** Its absolute location ({@code file:///…}, {@code s3://…}); names are never reused. */
    public String path() {
      return path;
    }

    /** Rows in the file, before any deletes. */
    public long rows() {
      return rows;
    }

    /** Its size in bytes. */
    public long bytes() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof File f && rows == f.rows && bytes == f.bytes
          && java.util.Objects.equals(path, f.path);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(path, rows, bytes);
    }

    /** Every value, named, as the record printed them. */
    @Override
    public String toString() {
      return "File[path=" + path + ", rows=" + rows + ", bytes=" + bytes + "]";
    }
  }

  /**
   * The snapshot to use for another run of a load: this one, or for a read that follows the table's newest
   * snapshot, one planned anew. The default is this.
   */
  default TableSnapshot refreshed() {
    return this;
  }

  /** The table's name, for messages ({@code iceberg retail.online_retail}). */
  String name();

  /** The table's identity where loads record it: its location, e.g. {@code s3://bucket/warehouse/retail/sales}. */
  String location();

  /** This snapshot's version; a later commit of the table has a greater one (Iceberg: the sequence number). */
  long version();

  /** The rows' schema: every column is in the rows (none comes from directory names). */
  Schema schema();

  /** The data files holding the snapshot's rows. */
  List<File> files();

  /**
   * True when rows of some file are deleted by other files of the snapshot (Iceberg delete files): a file's rows are
   * then only known by reading them through {@link #open}, and a row once loaded may since have been deleted.
   */
  boolean hasDeletes();

  /** The rows of these files of the snapshot (paths from {@link #files}), deleted rows left out, in the schema. */
  SourceReader<GenericRecord> open(Collection<String> paths) throws IOException;

  /**
   * The table's partitioning in Iceberg SQL's terms, which Athena's DDL uses too: a column ({@code month}),
   * {@code day(ts)}, {@code bucket(16, id)}, {@code truncate(10, name)}; empty when not partitioned. The default is
   * empty.
   */
  default List<String> partitioning() {
    return List.of();
  }

  /**
   * What reading the snapshot needs from AWS: its catalog's read grants and reading and listing its files. The
   * default declares nothing ({@link dev.lake.iam.IamPolicy#undeclared}).
   */
  default dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.undeclared("table snapshot " + name());
  }
}
