package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.lake.Rows;
import dev.lake.io.BadRow;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The records of one Kinesis event, decoded from JSON, read until the budget runs out. Its id names the first and
 * last event ids (shard and sequence number), so a retried batch is the same split: once committed, never added
 * again.
 */
final class EventBatchSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final transient List<KinesisEvent.KinesisEventRecord> records;
  private final Class<T> type;
  private final transient LambdaBudget budget;
  private final transient AtomicInteger read = new AtomicInteger();

  EventBatchSource(List<KinesisEvent.KinesisEventRecord> records, Class<T> type, LambdaBudget budget) {
    this.records = records;
    this.type = type;
    this.budget = budget;
  }

  @Override
  public String name() {
    return "kinesis-event";
  }

  @Override
  public String id() {
    return "kinesis-event:" + records.get(0).getEventSourceARN() + ":" + records.get(0).getEventID() + ".."
        + records.get(records.size() - 1).getEventID();
  }

  /**
   * Nothing: the records arrive in the Lambda event. (Reading the stream is the event source mapping's, which needs
   * kinesis:GetRecords, GetShardIterator, DescribeStream and ListShards in the function's execution role.)
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }

  /** How many records were handed out (decoded or rejected). */
  int read() {
    return read.get();
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) {
    return new SourceReader<>() {
      private T next;
      private String position = "";

      @Override
      public boolean hasNext() {
        while (next == null && read.get() < records.size() && !budget.expired()) {
          KinesisEvent.KinesisEventRecord r = records.get(read.getAndIncrement());
          ByteBuffer data = r.getKinesis().getData().duplicate();
          byte[] bytes = new byte[data.remaining()];
          data.get(bytes);
          String text = new String(bytes, StandardCharsets.UTF_8);
          position = "kinesis:" + r.getEventID();
          try {
            next = Rows.fromJson(text, type);
          } catch (RuntimeException e) {
            ctx.reject(BadRow.of(name(), e.getMessage(), position, text));
          }
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T row = next;
        next = null;
        return row;
      }

      @Override
      public String position() {
        return position;
      }

      @Override
      public void close() {}
    };
  }
}
