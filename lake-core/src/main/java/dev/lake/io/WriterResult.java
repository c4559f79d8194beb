package dev.lake.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one writer wrote, handed to {@link Sink#commit}. Serializable so a Spark task can send it to the driver.
 *
 * <pre>{@code
 * WriterResult result = WriterResult.of(0, 1_000, List.of(dataFile));
 * }</pre>
 *
 * @param writerIndex the writer that produced it
 * @param rows rows written
 * @param files files written (empty for sinks that are not file based)
 * @param metadata sink-specific facts for the commit, e.g. the schema the files were written with
 */
public record WriterResult(int writerIndex, long rows, List<DataFile> files, Map<String, String> metadata)
    implements Serializable {
  public WriterResult {
    files = List.copyOf(files);
    metadata = Map.copyOf(metadata);
  }

  public static WriterResult of(int writerIndex, long rows, List<DataFile> files) {
    return new WriterResult(writerIndex, rows, files, Map.of());
  }

  /** Bytes of all files. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
