package dev.lake.internal.format;

import dev.lake.io.ColumnMetrics;
import dev.lake.io.FileMetrics;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Sums a written file's column chunk statistics over its row groups into {@link FileMetrics}. Bounds of a column
 * are kept only where every row group has them; a float or double column holding NaN gets none (NaN has no order).
 * A decimal's bounds are its unscaled values' big-endian bytes, as Avro and Iceberg hold them, in an {@code INT32} or
 * {@code INT64} column too.
 *
 * <pre>{@code
 * FileMetrics m = ParquetMetrics.of(writer.getFooter());
 * }</pre>
 */
final class ParquetMetrics {
  private ParquetMetrics() {}

  static FileMetrics of(ParquetMetadata footer) {
    MessageType schema = footer.getFileMetaData().getSchema();
    Map<String, Sum> sums = new LinkedHashMap<>();
    long rows = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String path = chunk.getPath().toDotString();
        sums.computeIfAbsent(path, p -> new Sum(schema.getType(chunk.getPath().toArray()).asPrimitiveType()))
            .add(chunk);
      }
    }
    List<ColumnMetrics> columns = new ArrayList<>();
    sums.forEach((path, s) -> columns.add(s.toMetrics(path)));
    return FileMetrics.of(rows, columns);
  }

  private static final class Sum {
    private final PrimitiveType type;
    private long values;
    private long nulls;
    private boolean nullsKnown = true;
    private long bytes;
    private boolean boundsKnown = true;
    private Statistics<?> bounds;

    Sum(PrimitiveType type) {
      this.type = type;
    }

    void add(ColumnChunkMetaData chunk) {
      values += chunk.getValueCount();
      bytes += chunk.getTotalSize();
      Statistics<?> stats = chunk.getStatistics();
      if (stats == null || stats.isEmpty() || !stats.isNumNullsSet()) {
        nullsKnown = false;
      } else {
        nulls += stats.getNumNulls();
      }
      if (stats == null || stats.isEmpty()) {
        boundsKnown = false;
      } else if (stats.hasNonNullValue()) {
        if (bounds == null) {
          bounds = stats.copy();
        } else {
          mergeInto(stats);
        }
      } else if (stats.getNumNulls() < chunk.getValueCount()) {
        boundsKnown = false; // values present but no min/max written (e.g. too long)
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeInto(Statistics stats) {
      bounds.mergeStatistics(stats);
    }

    ColumnMetrics toMetrics(String path) {
      Object lower = null;
      Object upper = null;
      if (boundsKnown && bounds != null && !nan(bounds.genericGetMin()) && !nan(bounds.genericGetMax())) {
        lower = plain(bounds.genericGetMin(), type);
        upper = plain(bounds.genericGetMax(), type);
      }
      int id = type.getId() == null ? -1 : type.getId().intValue();
      return ColumnMetrics.builder().path(path).fieldId(id).valueCount(values).nullCount(nullsKnown ? nulls : -1)
          .compressedBytes(bytes).lower(lower).upper(upper).build();
    }

    private static boolean nan(Object v) {
      return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
    }

    /**
     * Bytes of a {@code Binary}; a decimal stored as an integer as the bytes a binary decimal holds (its unscaled
     * value, big-endian), so that its bounds are the same whichever way a file stores it.
     */
    private static Object plain(Object v, PrimitiveType type) {
      if (v instanceof Number n && ParquetDecimals.integer(type)) {
        return BigInteger.valueOf(n.longValue()).toByteArray();
      }
      return v instanceof Binary b ? b.getBytes() : v;
    }
  }
}
