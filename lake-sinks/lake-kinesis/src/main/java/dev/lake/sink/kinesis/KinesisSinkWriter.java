package dev.lake.sink.kinesis;

import dev.lake.Rows;
import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Backoff;
import dev.lake.io.BadRow;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * One worker's producer. Rows wait in {@code pending} (in arrival order) until enough are there to fill requests;
 * each request takes, in order, the first pending record of each partition key, so a record that fails is retried
 * before any later record with its key is sent (see {@link KinesisSink}).
 */
final class KinesisSinkWriter<T> implements SinkWriter<T> {
  /** Rows waiting before a request is sent: several requests' worth, so that one-record-per-key requests fill. */
  private static final int BUFFER_REQUESTS = 4;

  private final KinesisSink<T> sink;
  private final WriterContext ctx;
  private List<Pending> pending = new ArrayList<>();
  private long pendingBytes;
  private long rowsIn;
  private long written;
  private long requests;
  private long retried;
  private long rejected;
  private int failedRounds;
  private GenericData model;
  private Schema.Field keyFieldSchema;
  private boolean committed;
  private boolean closed;

  KinesisSinkWriter(KinesisSink<T> sink, WriterContext ctx) {
    this.sink = sink;
    this.ctx = ctx;
  }

  /** A record waiting to be sent, with its attempts so far. */
  private static final class Pending {
    final long row;
    final String key;
    final byte[] data;
    final int size;
    int attempts;
    String lastError;

    Pending(long row, String key, byte[] data) {
      this.row = row;
      this.key = key;
      this.data = data;
      this.size = data.length + key.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  @Override
  public void write(T row) {
    rowsIn++;
    String json;
    String key;
    try {
      json = Rows.toJson(row);
      key = partitionKey(row, json);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      reject(null, "Cannot render the row as a Kinesis record: " + e.getMessage(), String.valueOf(row));
      return;
    }
    if (key == null || key.isEmpty() || key.length() > 256) {
      reject(null, "Partition key " + (key == null ? "null" : "'" + key + "'") + " is invalid: Kinesis needs 1-256 "
          + "characters", json);
      return;
    }
    Pending p = new Pending(rowsIn, key, json.getBytes(StandardCharsets.UTF_8));
    if (p.size > KinesisSink.MAX_BYTES_PER_RECORD) {
      reject(null, String.format("Record of %,d bytes (data and partition key) exceeds Kinesis's limit of %,d bytes "
          + "per record", p.size, KinesisSink.MAX_BYTES_PER_RECORD), json.substring(0, 1024) + "...");
      return;
    }
    pending.add(p);
    pendingBytes += p.size;
    while (pending.size() >= BUFFER_REQUESTS * sink.maxRecordsPerRequest
        || pendingBytes >= (long) BUFFER_REQUESTS * KinesisSink.MAX_BYTES_PER_REQUEST) {
      sendRound();
    }
  }

  private String partitionKey(T row, String json) {
    if (sink.keyFunction != null) {
      return String.valueOf(sink.keyFunction.apply(row));
    }
    if (sink.keyField != null) {
      if (model == null) {
        Schema schema = Rows.schemaOf(row);
        keyFieldSchema = schema.getField(sink.keyField);
        ValidationException.check(keyFieldSchema != null, "%s: rows have no field '%s' for the partition key; "
            + "fields are %s", sink.name(), sink.keyField,
            schema.getFields().stream().map(Schema.Field::name).toList());
        model = Rows.model(row.getClass());
      }
      Object value = model.getField(row, sink.keyField, keyFieldSchema.pos());
      return value == null ? null : value.toString();
    }
    return hash(json);
  }

  private static String hash(String json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends one request: the first pending record of each key, up to the request limits. */
  private void sendRound() {
    List<Pending> batch = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    long bytes = 0;
    for (Pending p : pending) {
      if (batch.size() == sink.maxRecordsPerRequest) {
        break;
      }
      if (keys.contains(p.key) || bytes + p.size > KinesisSink.MAX_BYTES_PER_REQUEST) {
        continue; // a later record of a key already in this request waits for the next one
      }
      keys.add(p.key);
      batch.add(p);
      bytes += p.size;
    }
    backoff();
    List<PutRecordsRequestEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      entries.add(PutRecordsRequestEntry.builder().partitionKey(p.key).data(SdkBytes.fromByteArrayUnsafe(p.data))
          .build());
    }
    requests++;
    PutRecordsResponse response;
    try {
      response = sink.client.putRecords(b -> b.streamName(sink.stream).records(entries));
    } catch (KinesisException e) {
      if (!retryable(e)) {
        throw new SinkException("kinesis", "PutRecords to stream '" + sink.stream + "' failed: "
            + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()
            + ". Check that the stream exists in this account and region and that the role may write to it.", e);
      }
      failAll(batch, e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      return;
    } catch (SdkClientException e) {
      failAll(batch, "request failed: " + e.getMessage());
      return;
    }
    Set<Pending> done = new HashSet<>();
    boolean anyFailed = false;
    List<PutRecordsResultEntry> results = response.records();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      PutRecordsResultEntry r = results.get(i);
      if (r.errorCode() == null) {
        done.add(p);
        written++;
      } else {
        anyFailed = true;
        if (failed(p, r.errorCode() + ": " + r.errorMessage())) {
          done.add(p);
        }
      }
    }
    failedRounds = anyFailed ? failedRounds + 1 : 0;
    removeAll(done);
  }

  private void failAll(List<Pending> batch, String error) {
    Set<Pending> done = new HashSet<>();
    for (Pending p : batch) {
      if (failed(p, error)) {
        done.add(p);
      }
    }
    failedRounds++;
    removeAll(done);
  }

  /** Counts a failed attempt; true when the record has run out of attempts and was rejected. */
  private boolean failed(Pending p, String error) {
    p.attempts++;
    p.lastError = error;
    if (p.attempts < sink.maxAttempts) {
      retried++;
      return false;
    }
    reject(p, "Kinesis did not accept the record after " + p.attempts + " attempts; last error " + error,
        new String(p.data, StandardCharsets.UTF_8));
    return true;
  }

  private void removeAll(Set<Pending> done) {
    if (done.isEmpty()) {
      return;
    }
    List<Pending> rest = new ArrayList<>(pending.size() - done.size());
    for (Pending p : pending) {
      if (done.contains(p)) {
        pendingBytes -= p.size;
      } else {
        rest.add(p);
      }
    }
    pending = rest;
  }

  private void backoff() {
    if (failedRounds == 0) {
      return;
    }
    try {
      Backoff.fullJitter(sink.backoffBase, sink.backoffCap).sleep(failedRounds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("kinesis", "Interrupted while retrying PutRecords to " + sink.stream, e);
    }
  }

  private static boolean retryable(KinesisException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return e.statusCode() >= 500 || e.isThrottlingException() || "ProvisionedThroughputExceededException".equals(code)
        || "KMSThrottlingException".equals(code) || "LimitExceededException".equals(code);
  }

  private void reject(Pending p, String reason, String value) {
    rejected++;
    ctx.reject(BadRow.of(sink.name(), reason, p == null ? "" : sink.name() + ": row " + p.row + " of writer "
        + ctx.writerIndex(), value));
  }

  @Override
  public void flush() {
    while (!pending.isEmpty()) {
      sendRound();
    }
  }

  @Override
  public WriterResult commit() {
    flush();
    committed = true;
    return WriterResult.builder().writerIndex(ctx.writerIndex()).rows(written).metadata(Map.of("requests",
        Long.toString(requests), "retried", Long.toString(retried), "rejected", Long.toString(rejected))).build();
  }

  @Override
  public void close() {
    if (!closed && !committed) {
      pending.clear(); // not sent: discarded (what was sent is in the stream already)
    }
    closed = true;
  }
}
