package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.Source;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a batch of Kinesis records (a Lambda event source mapping) with a pipeline, and answers with a partial
 * batch response ({@code ReportBatchItemFailures} on the mapping). The records' JSON is decoded into rows of the
 * given type (a record that does not decode is a bad row: route bad rows to the rejected zone, or a poison record
 * would be retried forever). Records are handed to the pipeline until the invocation's budget runs out; the run then
 * commits, and the first record not read is returned in {@code batchItemFailures}, so Lambda retries from there. A
 * run that fails reports the batch's first record: the whole batch is retried, and since the source's id names the
 * batch's sequence numbers the retry is the same split, which the lake's split ledger adds once.
 *
 * <pre>{@code
 * public final class SalesEvents implements RequestHandler<KinesisEvent, StreamsEventResponse> {
 *   private static final Lake LAKE = Lake.at(System.getenv("LAKE_ROOT"));   // e.g. s3://my-bucket/lake
 *   private static final KinesisEventRunner<Sale> RUNNER = KinesisEventRunner.of(Sale.class, rows -> Pipeline
 *       .from(rows).named("sales-events").to(LAKE.raw("shop", "sales")).onBadRows(BadRowPolicy.toRejectedZone()));
 *
 *   public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
 *     return RUNNER.handle(event, context);
 *   }
 * }
 * }</pre>
 *
 * @param <T> the row type the records' JSON decodes into
 */
public final class KinesisEventRunner<T> {
  private static final Logger LOG = LoggerFactory.getLogger(KinesisEventRunner.class);

  private final Class<T> type;
  private final Function<Source<T>, Pipeline<?>> pipeline;
  private final Duration margin;
  private final java.util.function.LongSupplier ticker;

  private KinesisEventRunner(Class<T> type, Function<Source<T>, Pipeline<?>> pipeline, Duration margin,
      java.util.function.LongSupplier ticker) {
    this.type = type;
    this.pipeline = pipeline;
    this.margin = margin;
    this.ticker = ticker;
  }

  /** Test hook: the clock of the budget (nanoseconds), advanced by hand in tests. */
  KinesisEventRunner<T> withTicker(java.util.function.LongSupplier nanos) {
    return new KinesisEventRunner<>(type, pipeline, margin, nanos);
  }

  /** A runner decoding records into {@code type} and running the pipeline {@code pipeline} builds over them. */
  public static <T> KinesisEventRunner<T> of(Class<T> type, Function<Source<T>, Pipeline<?>> pipeline) {
    return new KinesisEventRunner<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(pipeline,
        "pipeline"), Duration.ofSeconds(10), LambdaBudget.SYSTEM_TICKER);
  }

  /** Time kept back from the Lambda's remaining time for the commit and the response (default 10 s). */
  public KinesisEventRunner<T> withSafetyMargin(Duration safetyMargin) {
    return new KinesisEventRunner<>(type, pipeline, Objects.requireNonNull(safetyMargin, "margin"), ticker);
  }

  /** Runs the batch; the response lists the first record to retry, if any. */
  public StreamsEventResponse handle(KinesisEvent event, Context context) {
    List<KinesisEvent.KinesisEventRecord> records = event == null || event.getRecords() == null ? List.of()
        : event.getRecords();
    if (records.isEmpty()) {
      return new StreamsEventResponse(List.of());
    }
    EventBatchSource<T> source = new EventBatchSource<>(records, type, LambdaBudget.of(context, margin, ticker));
    try {
      PipelineResult result = pipeline.apply(source).run();
      LOG.info(result.summary());
    } catch (RuntimeException e) {
      LOG.warn("Run over {} failed; the whole batch will be retried: {}", source.id(), e.toString());
      return retryFrom(records.get(0));
    }
    int read = source.read();
    return read < records.size() ? retryFrom(records.get(read)) : new StreamsEventResponse(List.of());
  }

  private static StreamsEventResponse retryFrom(KinesisEvent.KinesisEventRecord record) {
    return new StreamsEventResponse(List.of(
        new StreamsEventResponse.BatchItemFailure(record.getKinesis().getSequenceNumber())));
  }
}
