package dev.lake.sink.iceberg;

import dev.lake.exceptions.SinkException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.FileIO;

/**
 * The split ledger of an Iceberg table, kept in its snapshots as the Flink and Kafka Connect Iceberg sinks keep their
 * offsets: each snapshot Lake commits names, in its summary, the run that made it ({@value #RUN}) and the input
 * splits whose rows it added ({@value #SPLITS}, a JSON array). The ledger of a table state is the union over the
 * current snapshot and its ancestors, back to the newest snapshot that replaced the whole table ({@value #REPLACES}).
 * It is always read from the table itself, at planning and again at every commit attempt against the exact
 * metadata the attempt commits on: never from a watermark kept elsewhere.
 *
 * <pre>{@code
 * Map<String, String> splits = SnapshotLedger.of(((HasTableOperations) table).operations().current(), table.io());
 * }</pre>
 */
final class SnapshotLedger {
  static final String RUN = "lake.run-id";
  static final String PIPELINE = "lake.pipeline";
  static final String SPLITS = "lake.splits";
  /** The source's cursors once the snapshot's run committed (JSON object), so that they travel with the data. */
  static final String CURSORS = "lake.cursors";
  static final String REPLACES = "lake.replaces-table";
  /** Table property: the file holding the ledger of expired snapshots. */
  static final String CHECKPOINT = "lake.split-ledger-checkpoint";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotLedger() {}

  /** Each split the table state holds, with the run that committed it. */
  static Map<String, String> of(TableMetadata metadata, FileIO io) {
    return metadata == null ? new HashMap<>() : from(metadata, metadata.currentSnapshot(), io);
  }

  /**
   * The ledger as of {@code start}: its splits and its ancestors', back to a whole-table overwrite; where the
   * ancestry ends because older snapshots were expired, the checkpoint that expiry wrote ({@value #CHECKPOINT}, a
   * table property naming a JSON file of split to run) holds the rest.
   */
  static Map<String, String> from(TableMetadata metadata, Snapshot start, FileIO io) {
    Map<String, String> ledger = new HashMap<>();
    Snapshot s = start;
    while (s != null) {
      Map<String, String> summary = s.summary();
      String run = summary.getOrDefault(RUN, "");
      for (String split : splits(summary)) {
        ledger.putIfAbsent(split, run);
      }
      if ("true".equals(summary.get(REPLACES))) {
        return ledger;
      }
      s = s.parentId() == null ? null : metadata.snapshot(s.parentId());
    }
    String checkpoint = metadata.property(CHECKPOINT, null);
    if (checkpoint != null) {
      readCheckpoint(io, checkpoint).forEach(ledger::putIfAbsent);
    }
    return ledger;
  }

  static Map<String, String> readCheckpoint(FileIO io, String location) {
    try (InputStream in = io.newInputFile(location).newStream()) {
      return JSON.readValue(in, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new SinkException("iceberg", "Cannot read the split ledger checkpoint " + location + " of the table: "
          + e.getMessage() + ". Without it, input committed before the expired snapshots could be added again, "
          + "so nothing is written.", e);
    }
  }

  static void writeCheckpoint(FileIO io, String location, Map<String, String> ledger) {
    try (OutputStream out = io.newOutputFile(location).create()) {
      JSON.writeValue(out, new java.util.TreeMap<>(ledger));
    } catch (IOException e) {
      throw new SinkException("iceberg", "Cannot write the split ledger checkpoint " + location + ": "
          + e.getMessage(), e);
    }
  }

  static List<String> splits(Map<String, String> summary) {
    String json = summary.get(SPLITS);
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new SinkException("iceberg", "The " + SPLITS + " of a snapshot is not a JSON array of split ids: "
          + e.getOriginalMessage() + "; was the summary written by another tool?", e);
    }
  }

  /** The cursors the newest snapshot by {@code pipeline} in the current ancestry committed, with its run. */
  static java.util.Optional<dev.lake.io.SplitLedger.Cursors> cursors(TableMetadata metadata, String pipeline) {
    Snapshot s = metadata == null ? null : metadata.currentSnapshot();
    while (s != null) {
      Map<String, String> summary = s.summary();
      if (pipeline.equals(summary.get(PIPELINE)) && summary.containsKey(CURSORS)) {
        try {
          Map<String, String> values = JSON.readValue(summary.get(CURSORS),
              new TypeReference<Map<String, String>>() {});
          return java.util.Optional.of(dev.lake.io.SplitLedger.Cursors.of(summary.getOrDefault(RUN, ""),
              java.time.Instant.ofEpochMilli(s.timestampMillis()), values));
        } catch (JsonProcessingException e) {
          throw new SinkException("iceberg", "The " + CURSORS + " of snapshot " + s.snapshotId() + " is not a JSON "
              + "object: " + e.getOriginalMessage(), e);
        }
      }
      s = s.parentId() == null ? null : metadata.snapshot(s.parentId());
    }
    return java.util.Optional.empty();
  }

  static String jsonMap(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(new java.util.TreeMap<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Collection<String> splits) {
    try {
      return JSON.writeValueAsString(List.copyOf(splits));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
