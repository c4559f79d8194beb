package dev.lake.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one writer wrote, handed to {@link Sink#commit}. Serializable so a Spark task can send it to the driver.
 *
 * <pre>{@code
 * // given: DataFile dataFile
 * WriterResult result = WriterResult.of(0, 1_000, List.of(dataFile));
 * }</pre>
 *
 * @param writerIndex the writer that produced it
 * @param rows rows written
 * @param files files written (empty for sinks that are not file based)
 * @param metadata sink-specific facts for the commit, e.g. the schema the files were written with
 * @param staged for files written staged (invisible until the commit publishes them), each file's staged object, by
 *     the file's path
 */
public record WriterResult(int writerIndex, long rows, List<DataFile> files, Map<String, String> metadata,
    Map<String, StagedObject> staged) implements Serializable {
  public WriterResult {
    files = List.copyOf(files);
    metadata = Map.copyOf(metadata);
    staged = staged == null ? Map.of() : Map.copyOf(staged);
  }

  /** A result with nothing staged. */
  public WriterResult(int writerIndex, long rows, List<DataFile> files, Map<String, String> metadata) {
    this(writerIndex, rows, files, metadata, Map.of());
  }

  public static WriterResult of(int writerIndex, long rows, List<DataFile> files) {
    return new WriterResult(writerIndex, rows, files, Map.of(), Map.of());
  }

  /** Bytes of all files. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
