package dev.lake.io;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The per-column figures of a file once written ({@link RowFileWriter#metrics()}), read from the Parquet footer the
 * writer wrote: nothing is computed per row.
 *
 * <pre>{@code
 * // given: RowFileWriter writer
 * FileMetrics m = writer.metrics().orElseThrow();
 * long nulls = m.columns().stream().mapToLong(ColumnMetrics::nullCount).sum();
 * FileMetrics empty = FileMetrics.of(0, List.of());
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new figure is not a breaking change. The columns
 * are an unmodifiable copy (null ones are refused, as by the record). Serializable with the serialVersionUID a record
 * has, 0, so that metrics serialized by the record of earlier versions read back (through {@link #of}).
 */
public final class FileMetrics implements Serializable {
  private static final long serialVersionUID = 0L;

  private final long rows;
  private final List<ColumnMetrics> columns;

  private FileMetrics(long rows, List<ColumnMetrics> columns) {
    this.rows = rows;
    this.columns = List.copyOf(columns);
  }

  /**
   * The figures of a file.
   *
   * @param rows rows in the file
   * @param columns one entry per leaf column, in file order
   * @throws NullPointerException when columns is or holds null
   */
  public static FileMetrics of(long rows, List<ColumnMetrics> columns) {
    return new FileMetrics(rows, columns);
  }

  /** Rows in the file. */
  public long rows() {
    return rows;
  }

  /** One entry per leaf column, in file order. */
  public List<ColumnMetrics> columns() {
    return columns;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof FileMetrics m && rows == m.rows && columns.equals(m.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, columns);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "FileMetrics[rows=" + rows + ", columns=" + columns + "]";
  }

  /** Read back through {@link #of}, so a serialized one gets the same unmodifiable copy as a made one. */
  private Object readResolve() {
    return new FileMetrics(rows, columns);
  }
}
