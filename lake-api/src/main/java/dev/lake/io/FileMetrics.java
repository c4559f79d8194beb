package dev.lake.io;

import java.io.Serializable;
import java.util.List;

/**
 * The per-column figures of a file once written ({@link RowFileWriter#metrics()}), read from the Parquet footer the
 * writer wrote: nothing is computed per row.
 *
 * <pre>{@code
 * // given: RowFileWriter writer
 * FileMetrics m = writer.metrics().orElseThrow();
 * long nulls = m.columns().stream().mapToLong(ColumnMetrics::nullCount).sum();
 * }</pre>
 *
 * @param rows rows in the file
 * @param columns one entry per leaf column, in file order
 */
public record FileMetrics(long rows, List<ColumnMetrics> columns) implements Serializable {
  public FileMetrics {
    columns = List.copyOf(columns);
  }
}
