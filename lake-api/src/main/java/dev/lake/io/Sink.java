package dev.lake.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Where rows go. Each parallel worker (a thread, or a Spark task) opens its own {@link SinkWriter}; when every writer
 * has committed its part, the runner calls {@link #commit} once with all their results. Nothing is visible to
 * readers before that commit.
 *
 * <pre>{@code
 * // given: Object sale
 * Sink<Object> sink = Lake.at("./lake").processed("sales").partitionBy("year", "month");
 * try (SinkWriter<Object> w = sink.open(WriterContext.of("run-1", 0))) {
 *   w.write(sale);
 *   WriterResult part = w.commit();
 *   sink.commit(List.of(part), CommitContext.of("sales-import", "run-1", "run-1"));
 * }
 * }</pre>
 *
 * @param <T> the row type the sink accepts
 */
public interface Sink<T> extends Serializable {

  /** A short name used in errors, metrics and bad rows, e.g. {@code "lake:processed/sales"}. */
  String name();

  /** Opens a writer for one worker. */
  SinkWriter<T> open(WriterContext ctx) throws IOException;

  /**
   * Makes the output of all writers visible at once, atomically for readers that follow the commit. Must be
   * idempotent for the same {@link CommitContext#commitKey()}: committing the same input twice leaves one copy.
   *
   * @return what became visible
   * @throws dev.lake.exceptions.CommitFailedException when another commit won; nothing became visible
   * @throws dev.lake.exceptions.CommitStateUnknownException when the outcome is unknown; run again
   */
  CommitSummary commit(List<WriterResult> results, CommitContext ctx) throws IOException;

  /** Removes what writers produced when the run will not commit. The default does nothing. */
  default void abort(List<WriterResult> results) throws IOException {}

  /**
   * The AWS permissions writing and committing to this sink needs (see
   * {@code Pipeline.requiredPermissions}). The default declares nothing, which makes the pipeline's policy
   * incomplete rather than silently empty.
   *
   * <pre>{@code
   * IamPolicy p = DynamoDbSink.toTable("invoices").permissions(IamScope.of("eu-west-1", "123456789012"));
   * }</pre>
   */
  default dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.undeclared("sink " + name());
  }
}
