package dev.lake.internal.runner;

import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.Rows;
import dev.lake.internal.format.JsonRows;
import dev.lake.io.BadRow;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** What the workers of one run share. */
final class RunState {
  static final Schema REJECTED_SCHEMA = SchemaBuilder.record("RejectedRow").namespace("dev.lake").fields()
      .requiredString("pipeline")
      .requiredString("run_id")
      .requiredString("step")
      .requiredString("reason")
      .requiredString("position")
      .requiredString("value")
      .requiredString("rejected_at")
      .endRecord();

  final Pipeline<?> pipeline;
  final String runId;
  final String commitKey;
  final Instant startedAt;
  final BadRows badRows;
  final LakeSink<GenericRecord> rejectedSink;
  final Map<String, String> cursorsBefore;
  final Map<String, String> proposedCursors = new ConcurrentHashMap<>();
  final Progress progress;
  private final List<WriterResult> rejectedResults = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean failed;
  private final long deadlineNanos;
  private final boolean hasDeadline;
  private volatile boolean stoppedAtDeadline;

  RunState(Pipeline<?> pipeline, String runId, String commitKey, Instant startedAt, LakeSink<GenericRecord> rejected,
      Map<String, String> cursorsBefore, Progress progress) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.commitKey = commitKey;
    this.startedAt = startedAt;
    this.badRows = new BadRows(pipeline.badRowPolicy());
    this.rejectedSink = rejected;
    this.cursorsBefore = cursorsBefore;
    this.progress = progress;
    this.hasDeadline = pipeline.deadline() != null;
    this.deadlineNanos = hasDeadline
        ? System.nanoTime() + java.time.Duration.between(java.time.Instant.now(), pipeline.deadline()).toNanos()
        : 0;
  }

  /** True once the pipeline's deadline has passed; workers then stop reading and the run commits. */
  boolean pastDeadline() {
    if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
      stoppedAtDeadline = true;
      return true;
    }
    return false;
  }

  boolean stoppedAtDeadline() {
    return stoppedAtDeadline;
  }

  WriterContext writerContext(int index, Consumer<BadRow> rejects) {
    return new WriterContext(commitKey, index, startedAt, rejects);
  }

  GenericRecord rejectedRecord(BadRow row) {
    GenericData.Record r = new GenericData.Record(REJECTED_SCHEMA);
    r.put(0, pipeline.name());
    r.put(1, runId);
    r.put(2, row.step());
    r.put(3, row.reason());
    r.put(4, row.position());
    r.put(5, row.value());
    r.put(6, Instant.now().toString());
    return r;
  }

  void addRejectedResult(WriterResult r) {
    rejectedResults.add(r);
  }

  List<WriterResult> rejectedResults() {
    synchronized (rejectedResults) {
      return List.copyOf(rejectedResults);
    }
  }

  void fail() {
    failed = true;
  }

  boolean failed() {
    return failed;
  }

  /** A row as one line of JSON, for a bad row's value; never throws. */
  static String json(Object row) {
    if (row == null) {
      return "null";
    }
    if (row instanceof CharSequence || row instanceof Number || row instanceof Boolean) {
      return String.valueOf(row);
    }
    try {
      if (row instanceof GenericRecord g) {
        return JsonRows.toJson(g, g.getSchema(), Rows.model(GenericRecord.class));
      }
      return JsonRows.toJson(row, Rows.schemaOf(row), Rows.model(row.getClass()));
    } catch (RuntimeException e) {
      return String.valueOf(row);
    }
  }
}
