package dev.lake.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Where rows come from. A source can split itself (a file source splits per file) so that splits are read in
 * parallel, locally or on Spark; each split opens a {@link SourceReader}.
 *
 * <pre>{@code
 * Source<Sale> sales = CsvSource.of(Sale.class).from("file:///data/sales/*.csv");
 * try (SourceReader<Sale> reader = sales.open(SourceContext.standalone())) {
 *   while (reader.hasNext()) System.out.println(reader.next());
 * }
 * }</pre>
 *
 * @param <T> the row type: a Java record or an Avro {@code GenericRecord}
 */
public interface Source<T> extends Serializable {

  /**
   * A source that reads no row, for a pipeline whose input may not exist yet (a dataset not written so far, no new
   * requests to make): one split, a stable id ({@code empty:<name>}), no AWS permission. The pipeline runs and commits
   * nothing new.
   *
   * <pre>{@code
   * Source<TweetRow> tweets = lake.latest("tweets").isPresent()
   *     ? lake.read("tweets", TweetRow.class) : Source.empty("no-tweets");
   * }</pre>
   *
   * @param name the source's name in errors and metrics
   * @param <T> the row type the pipeline expects
   * @throws dev.lake.exceptions.ValidationException if {@code name} is null or blank
   */
  static <T> Source<T> empty(String name) {
    return new EmptySource<>(name);
  }

  /** A short name used in errors, metrics and bad rows, e.g. {@code "csv"}. */
  String name();

  /**
   * A stable identity of what this source (or split) reads: the same input gives the same id, new input a new one
   * (a file: its URI, size and modification time; a shard: where it starts). Each committed lake version records the
   * ids of the splits it holds, so under {@code WriteMode.APPEND} a split already committed is never added again.
   */
  String id();

  /** The splits that can be read independently. The default is one split: this source. */
  default List<? extends Source<T>> split(SourceContext ctx) throws IOException {
    return List.of(this);
  }

  /** Opens this source (or split) for reading. Bad rows go to {@link SourceContext#reject(BadRow)}. */
  SourceReader<T> open(SourceContext ctx) throws IOException;

  /**
   * Reads every row of every split into a list, outside any pipeline: for small tables, tests and quick looks.
   * A bad row fails with a {@link dev.lake.exceptions.BadRowException}.
   *
   * <pre>{@code
   * List<GenericRecord> rows = lake.read("users").readAll();
   * }</pre>
   */
  default List<T> readAll() {
    List<T> rows = new java.util.ArrayList<>();
    forEachRow(rows::add);
    return rows;
  }

  /**
   * Hands every row of every split to {@code action} as it is read, outside any pipeline, holding none of them:
   * memory stays bounded whatever the source's size (a command that prints or counts rows).
   *
   * <pre>{@code
   * long[] n = {0};
   * lake.read("rejected/sales").forEachRow(r -> n[0]++);
   * }</pre>
   */
  default void forEachRow(java.util.function.Consumer<? super T> action) {
    try {
      for (Source<T> split : split(SourceContext.standalone())) {
        try (SourceReader<T> reader = split.open(SourceContext.standalone())) {
          reader.forEachRemaining(action);
        }
      }
    } catch (IOException e) {
      throw new dev.lake.exceptions.SourceException(name(), "Cannot read " + id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The AWS permissions reading this source needs (see {@code Pipeline.requiredPermissions}). The default
   * declares nothing, which makes the pipeline's policy incomplete rather than silently empty: connectors that touch
   * AWS override it, and sources that touch nothing return {@link dev.lake.iam.IamPolicy#empty()}.
   *
   * <pre>{@code
   * IamPolicy p = CsvSource.of(Sale.class).from("s3://bucket/in/*.csv").permissions(IamScope.unknown());
   * }</pre>
   */
  default dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.undeclared("source " + name());
  }

  /**
   * Whether this source proposes cursors ({@link SourceContext#proposeCursor}), so that its pipeline writes
   * {@code _lake/state/<pipeline>.json}. The default is false.
   */
  default boolean proposesCursors() {
    return false;
  }
}
