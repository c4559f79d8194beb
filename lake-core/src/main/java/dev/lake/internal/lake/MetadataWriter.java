package dev.lake.internal.lake;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lake.io.BadRow;
import dev.lake.io.DataFile;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes Lake's own metadata with jackson-core's streaming generator, property by property, in the order and shape
 * that Jackson databind's bean serializer gave them (so files written before and after read the same, and a first
 * run loads no bean introspection): manifests, state entries, pending markers, segments and run reports.
 *
 * <pre>{@code
 * byte[] json = Json.write(manifest);   // Json picks the writer by type
 * }</pre>
 */
final class MetadataWriter {
  private MetadataWriter() {}

  static void manifest(JsonGenerator g, Manifest m) throws IOException {
    g.writeStartObject();
    g.writeNumberField("formatVersion", m.formatVersion());
    g.writeStringField("dataset", m.dataset());
    g.writeNumberField("version", m.version());
    stringField(g, "committedAt", m.committedAt() == null ? null : m.committedAt().toString());
    g.writeStringField("pipeline", m.pipeline());
    g.writeStringField("runId", m.runId());
    g.writeStringField("commitKey", m.commitKey());
    g.writeStringField("mode", m.mode());
    g.writeStringField("format", m.format());
    strings(g, "partitionBy", m.partitionBy());
    g.writeStringField("schema", m.schema());
    g.writeArrayFieldStart("files");
    for (DataFile f : m.files()) {
      dataFile(g, f);
    }
    g.writeEndArray();
    strings(g, "added", m.added());
    strings(g, "removed", m.removed());
    g.writeObjectFieldStart("compacted");
    for (Map.Entry<String, List<String>> e : m.compacted().entrySet()) {
      strings(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    strings(g, "emptySplits", m.emptySplits());
    g.writeObjectFieldStart("published");
    for (Map.Entry<String, Long> e : m.published().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("segments");
    for (SegmentRef r : m.segments()) {
      g.writeStartObject();
      g.writeStringField("name", r.name());
      g.writeNumberField("files", r.files());
      g.writeNumberField("rows", r.rows());
      g.writeNumberField("bytes", r.bytes());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void entry(JsonGenerator g, StateLog.Entry e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("formatVersion", e.formatVersion());
    g.writeStringField("pipeline", e.pipeline());
    g.writeNumberField("version", e.version());
    g.writeStringField("runId", e.runId());
    stringField(g, "committedAt", e.committedAt() == null ? null : e.committedAt().toString());
    stringMap(g, "cursors", e.cursors());
    strings(g, "splits", e.splits());
    g.writeArrayFieldStart("publications");
    for (Publication p : e.publications()) {
      publication(g, p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void marker(JsonGenerator g, PendingMarkers.Marker m) throws IOException {
    g.writeStartObject();
    g.writeStringField("pipeline", m.pipeline());
    g.writeStringField("runId", m.runId());
    stringField(g, "startedAt", m.startedAt() == null ? null : m.startedAt().toString());
    g.writeFieldName("stateVersion");
    if (m.stateVersion() == null) {
      g.writeNull();
    } else {
      g.writeNumber(m.stateVersion());
    }
    g.writeFieldName("publication");
    if (m.publication() == null) {
      g.writeNull();
    } else {
      publication(g, m.publication());
    }
    g.writeEndObject();
  }

  static void segment(JsonGenerator g, Segments.Segment s) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("files");
    for (DataFile f : s.files()) {
      dataFile(g, f);
    }
    g.writeEndArray();
    strings(g, "emptySplits", s.emptySplits());
    g.writeEndObject();
  }

  private static void publication(JsonGenerator g, Publication p) throws IOException {
    g.writeStartObject();
    g.writeStringField("root", p.root());
    g.writeStringField("dataset", p.dataset());
    g.writeStringField("mode", p.mode());
    g.writeStringField("format", p.format());
    strings(g, "partitionBy", p.partitionBy());
    g.writeStringField("schema", p.schema());
    g.writeArrayFieldStart("files");
    for (DataFile f : p.files()) {
      dataFile(g, f);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("staged");
    for (Map.Entry<String, StagedObject> e : p.staged().entrySet()) {
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("target", e.getValue().target().toString());
      g.writeNumberField("bytes", e.getValue().bytes());
      stringMap(g, "token", e.getValue().token());
      g.writeEndObject();
    }
    g.writeEndObject();
    strings(g, "splits", p.splits());
    g.writeArrayFieldStart("replaces");
    for (Publication.Swap s : p.replaces()) {
      g.writeStartObject();
      strings(g, "inputs", s.inputs());
      strings(g, "outputs", s.outputs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("empty", p.isEmpty());
    g.writeEndObject();
  }

  private static void dataFile(JsonGenerator g, DataFile f) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", f.path());
    stringMap(g, "partition", f.partition());
    g.writeNumberField("rows", f.rows());
    g.writeNumberField("bytes", f.bytes());
    g.writeStringField("commitKey", f.commitKey());
    strings(g, "splits", f.splits());
    g.writeEndObject();
  }

  /**
   * A run report, with the derived counts after the stored ones, as {@code PipelineResult}'s annotations order them
   * (Jackson databind writes a {@code PipelineResult} the same bytes).
   */
  static void runReport(JsonGenerator g, RunResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("pipeline", r.pipeline());
    g.writeStringField("runId", r.runId());
    g.writeStringField("commitKey", r.commitKey());
    stringField(g, "startedAt", r.startedAt() == null ? null : r.startedAt().toString());
    stringField(g, "duration", r.duration() == null ? null : r.duration().toString());
    g.writeNumberField("splits", r.splits());
    g.writeNumberField("rowsRead", r.rowsRead());
    g.writeNumberField("sourceRejected", r.sourceRejected());
    g.writeArrayFieldStart("steps");
    for (RunResult.Step s : r.steps()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeNumberField("in", s.in());
      g.writeNumberField("out", s.out());
      g.writeNumberField("rejected", s.rejected());
      g.writeNumberField("batched", s.batched());
      g.writeNumberField("filtered", s.filtered());
      g.writeNumberField("grouped", s.grouped());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sinks");
    for (RunResult.Sink s : r.sinks()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeNumberField("in", s.in());
      g.writeNumberField("written", s.written());
      g.writeNumberField("rejected", s.rejected());
      g.writeNumberField("files", s.files());
      g.writeNumberField("bytes", s.bytes());
      g.writeNumberField("version", s.version());
      g.writeBooleanField("unchanged", s.unchanged());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("badRows");
    for (BadRow b : r.badRows()) {
      g.writeStartObject();
      g.writeStringField("step", b.step());
      g.writeStringField("reason", b.reason());
      g.writeStringField("position", b.position());
      g.writeStringField("value", b.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("rejectedDataset", r.rejectedDataset());
    stringMap(g, "cursorsBefore", r.cursorsBefore());
    stringMap(g, "cursorsAfter", r.cursorsAfter());
    g.writeBooleanField("stoppedAtDeadline", r.stoppedAtDeadline());
    g.writeNumberField("splitsSkipped", r.splitsSkipped());
    strings(g, "skippedCommittedBy", r.skippedCommittedBy());
    g.writeArrayFieldStart("warnings");
    for (RunResult.Warning w : r.warnings()) {
      g.writeStartObject();
      g.writeStringField("step", w.step());
      g.writeStringField("kind", w.kind());
      g.writeNumberField("count", w.count());
      strings(g, "examples", w.examples());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("rowsWritten", r.rowsWritten());
    g.writeNumberField("rowsRejected", r.rowsRejected());
    g.writeNumberField("rowsFiltered", r.rowsFiltered());
    g.writeNumberField("rowsGrouped", r.rowsGrouped());
    g.writeNumberField("rowsIn", r.rowsIn());
    g.writeNumberField("rowsAdded", r.rowsAdded());
    g.writeBooleanField("reconciles", r.reconciles());
    g.writeEndObject();
  }

  static void stringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void stringField(JsonGenerator g, String name, String value) throws IOException {
    g.writeStringField(name, value);
  }
}
