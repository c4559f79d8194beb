package dev.lake.source.kinesis;

import dev.lake.exceptions.SourceException;
import dev.lake.io.Backoff;
import dev.lake.io.BadRow;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads a shard with GetRecords until it is caught up (an empty answer with nothing behind) or ends (then its
 * split children, in order), or the run's deadline or record limit is reached. Each record handed out proposes its
 * sequence number as the shard's checkpoint; a shard read to its end proposes {@code SHARD_END}.
 */
final class ShardReader<T> implements SourceReader<T> {
  private static final int MAX_ATTEMPTS = 10;
  private static final Backoff BACKOFF = Backoff.fullJitter(Duration.ofMillis(200), Duration.ofSeconds(5));
  private static final long EMPTY_POLL_MILLIS = 200; // GetRecords allows 5 calls a second per shard

  private final ShardSplit<T> split;
  private final SourceContext ctx;
  private final String stream;
  private final Deque<String> shards = new ArrayDeque<>();
  private String shard;
  private String start;
  private String iterator;
  private String lastSequence;
  private Iterator<Record> batch = List.<Record>of().iterator();
  private T nextRow;
  private long readFromShard;
  private String position = "";
  private boolean done;

  ShardReader(ShardSplit<T> split, SourceContext ctx) {
    this.split = split;
    this.ctx = ctx;
    this.stream = split.source.stream;
    this.shard = split.shardId;
    this.start = split.start;
  }

  @Override
  public boolean hasNext() {
    while (nextRow == null && !done) {
      if (batch.hasNext()) {
        decode(batch.next());
      } else {
        fetch();
      }
    }
    return nextRow != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = nextRow;
    nextRow = null;
    return row;
  }

  private void decode(Record r) {
    lastSequence = r.sequenceNumber();
    readFromShard++;
    position = "kinesis:" + stream + "/" + shard + ":" + r.sequenceNumber();
    ctx.proposeCursor(Checkpoints.key(stream, shard), r.sequenceNumber());
    String text = r.data().asString(StandardCharsets.UTF_8);
    KinesisRecord record = new KinesisRecord(shard, r.sequenceNumber(), r.partitionKey(),
        r.approximateArrivalTimestamp(), text);
    try {
      nextRow = split.source.decoder.decode(record);
    } catch (RuntimeException e) {
      ctx.reject(BadRow.of(split.source.name(), e.getMessage() == null ? e.toString() : e.getMessage(), position,
          text));
    }
  }

  /** One GetRecords call, or a move to the next shard, or the end. */
  private void fetch() {
    if (System.currentTimeMillis() >= split.deadlineMillis || readFromShard >= split.source.maxRecordsPerShard) {
      done = true;
      return;
    }
    if (iterator == null) {
      iterator = shardIterator();
    }
    int limit = (int) Math.min(10_000, split.source.maxRecordsPerShard - readFromShard);
    GetRecordsResponse response = getRecords(limit);
    batch = response.records().iterator();
    iterator = response.nextShardIterator();
    if (response.records().isEmpty()) {
      if (iterator == null) {
        ctx.proposeCursor(Checkpoints.key(stream, shard), Checkpoints.SHARD_END);
        List<String> children = split.splitChildren.getOrDefault(shard, List.of());
        for (int i = children.size() - 1; i >= 0; i--) {
          shards.push(children.get(i));
        }
        nextShard();
      } else if (response.millisBehindLatest() == null || response.millisBehindLatest() == 0) {
        if (lastSequence == null && start.startsWith(Checkpoints.LATEST)) {
          // Nothing read from LATEST: keep the run's start time, so that the next run misses nothing after it.
          ctx.proposeCursor(Checkpoints.key(stream, shard),
              Checkpoints.AT_TIMESTAMP + start.substring(Checkpoints.LATEST.length()));
        }
        nextShard(); // caught up
      } else {
        sleep(EMPTY_POLL_MILLIS);
      }
    }
  }

  private void nextShard() {
    iterator = null;
    lastSequence = null;
    readFromShard = 0;
    if (shards.isEmpty()) {
      done = true;
    } else {
      shard = shards.pop();
      start = "TRIM_HORIZON";
    }
  }

  private String shardIterator() {
    GetShardIteratorRequest.Builder b = GetShardIteratorRequest.builder().streamName(stream).shardId(shard);
    String from = lastSequence != null ? lastSequence : start;
    if (from.equals("TRIM_HORIZON")) {
      b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
    } else if (from.startsWith(Checkpoints.LATEST)) {
      b.shardIteratorType(ShardIteratorType.LATEST);
    } else if (from.startsWith(Checkpoints.AT_TIMESTAMP)) {
      b.shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
          .timestamp(Instant.ofEpochMilli(Long.parseLong(from.substring(Checkpoints.AT_TIMESTAMP.length()))));
    } else {
      b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(from);
    }
    GetShardIteratorRequest request = b.build();
    return call(() -> split.source.client.getShardIterator(request).shardIterator(), "GetShardIterator");
  }

  private GetRecordsResponse getRecords(int limit) {
    for (int expired = 0; ; expired++) {
      String it = iterator;
      try {
        return call(() -> split.source.client.getRecords(b -> b.shardIterator(it).limit(limit)), "GetRecords");
      } catch (ExpiredIteratorException e) {
        if (expired >= 2) {
          throw e;
        }
        iterator = shardIterator(); // resumes after the last record read
      }
    }
  }

  private <R> R call(java.util.function.Supplier<R> request, String what) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (ExpiredIteratorException e) {
        throw e;
      } catch (ProvisionedThroughputExceededException | SdkClientException e) {
        retryOrFail(attempt, what, e);
      } catch (KinesisException e) {
        if (e.statusCode() < 500) {
          throw new SourceException(split.source.name(), what + " on " + stream + "/" + shard + " failed: "
              + e.getMessage(), e);
        }
        retryOrFail(attempt, what, e);
      }
    }
  }

  private void retryOrFail(int attempt, String what, RuntimeException e) {
    if (attempt >= MAX_ATTEMPTS) {
      throw new SourceException(split.source.name(), what + " on " + stream + "/" + shard + " still failing after "
          + attempt + " attempts: " + e.getMessage() + ". Run again: nothing was committed.", e, true, attempt);
    }
    sleep(BACKOFF.delayMillis(attempt, ThreadLocalRandom.current()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("kinesis", "Interrupted while reading", e);
    }
  }

  @Override
  public String position() {
    return position;
  }

  @Override
  public void close() {
    done = true;
  }
}
