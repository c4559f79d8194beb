package dev.lake.internal.runner;

import dev.lake.internal.format.JsonRows;
import dev.lake.internal.format.RecordRows;
import dev.lake.io.BadRow;
import dev.lake.io.Sink;
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
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** What the workers of one run (one attempt, in one process) share. */
final class RunState {
  /**
   * The rejected zone's rows: seven required strings. Built with {@code Schema.createRecord} rather than Avro's
   * {@code SchemaBuilder}, whose three dozen classes a run would load for this schema alone.
   */
  static final Schema REJECTED_SCHEMA = rejectedSchema();

  private static Schema rejectedSchema() {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : new String[] {"pipeline", "run_id", "step", "reason", "position", "value", "rejected_at"}) {
      fields.add(new Schema.Field(name, Schema.create(Schema.Type.STRING)));
    }
    return Schema.createRecord("RejectedRow", null, "dev.lake", false, fields);
  }

  final RunPlan plan;
  final RunSpec pipeline;
  final String runId;
  final String attemptId;
  final Instant startedAt;
  final BadRows badRows;
  final Sink<GenericRecord> rejectedSink;
  final Map<String, String> cursorsBefore;
  final Map<String, String> proposedCursors = new ConcurrentHashMap<>();
  final Progress progress;
  private final List<WriterResult> rejectedResults = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean failed;
  private final long deadlineNanos;
  private final boolean hasDeadline;
  private volatile boolean stoppedAtDeadline;

  RunState(RunPlan plan, String attemptId, Progress progress) {
    this.plan = plan;
    this.pipeline = plan.pipeline;
    this.runId = plan.runId;
    this.attemptId = attemptId;
    this.startedAt = plan.startedAt;
    this.badRows = new BadRows(pipeline.badRowPolicy());
    this.rejectedSink = plan.rejectedSink;
    this.cursorsBefore = plan.cursors;
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
    return WriterContext.builder().commitKey(attemptId).writerIndex(index).startedAt(startedAt).rejects(rejects)
        .build();
  }

  /** What one worker hands to the commit; {@code results} per writer, per sink. */
  RunOutcome outcome(List<List<WriterResult>> results, Worker worker) {
    return new RunOutcome(results, rejectedResults(), worker.counters(), badRows.count(), badRows.kept(),
        new java.util.TreeMap<>(proposedCursors), stoppedAtDeadline(), worker.splitsRead(), worker.partials());
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
  String json(Object row) {
    if (row == null) {
      return "null";
    }
    if (row instanceof CharSequence || row instanceof Number || row instanceof Boolean) {
      return String.valueOf(row);
    }
    try {
      RecordRows records = pipeline.records();
      if (row instanceof GenericRecord g) {
        return JsonRows.toJson(g, g.getSchema(), records.model(GenericRecord.class));
      }
      return JsonRows.toJson(row, records.schemaOf(row), records.model(row.getClass()));
    } catch (RuntimeException e) {
      return String.valueOf(row);
    }
  }
}
