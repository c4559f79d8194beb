package dev.lake.io;

import java.util.List;

/**
 * What a sink's commit made visible.
 *
 * <pre>{@code
 * CommitSummary s = sink.commit(results, ctx);
 * System.out.println(s.rows() + " rows in " + s.files().size() + " files, version " + s.version());
 * }</pre>
 *
 * @param sink the sink's name
 * @param version the dataset version the commit created (0 for sinks without versions)
 * @param rows rows made visible by this commit
 * @param files files added by this commit
 * @param removedFiles files no longer part of the dataset after this commit (overwritten or replaced)
 */
public record CommitSummary(String sink, long version, long rows, List<DataFile> files, List<String> removedFiles) {
  public CommitSummary {
    files = List.copyOf(files);
    removedFiles = List.copyOf(removedFiles);
  }

  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
