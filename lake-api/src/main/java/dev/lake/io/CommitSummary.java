package dev.lake.io;

import java.util.List;

/**
 * What a sink's commit made visible.
 *
 * <pre>{@code
 * // given: Sink<Object> sink, List<WriterResult> results, CommitContext ctx
 * CommitSummary s = sink.commit(results, ctx);
 * System.out.println(s.rows() + " rows in " + s.files().size() + " files, version " + s.version());
 * }</pre>
 *
 * @param sink the sink's name
 * @param version the dataset version the commit created (0 for sinks without versions)
 * @param rows rows made visible by this commit
 * @param files files added by this commit
 * @param removedFiles files no longer part of the dataset after this commit (overwritten or replaced)
 * @param unchanged true when there was nothing to commit (an append of no rows): no new version was created and
 *     {@code version} is the dataset's current one (0 if it has none)
 */
public record CommitSummary(String sink, long version, long rows, List<DataFile> files, List<String> removedFiles,
    boolean unchanged) {
  public CommitSummary {
    files = List.copyOf(files);
    removedFiles = List.copyOf(removedFiles);
  }

  /** A commit that happened (or a sink without versions). */
  public CommitSummary(String sink, long version, long rows, List<DataFile> files, List<String> removedFiles) {
    this(sink, version, rows, files, removedFiles, false);
  }

  /** Nothing to commit: the dataset stays at {@code version}. */
  public static CommitSummary unchanged(String sink, long version) {
    return new CommitSummary(sink, version, 0, List.of(), List.of(), true);
  }

  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
