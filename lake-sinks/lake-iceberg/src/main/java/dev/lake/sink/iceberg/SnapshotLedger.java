package dev.lake.sink.iceberg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;

/**
 * The split ledger of an Iceberg table, kept in its snapshots as the Flink and Kafka Connect Iceberg sinks keep their
 * offsets: each snapshot Lake commits names, in its summary, the run that made it ({@value #RUN}) and the input
 * splits whose rows it added ({@value #SPLITS}, a JSON array). The ledger of a table state is the union over the
 * current snapshot and its ancestors, back to the newest snapshot that replaced the whole table ({@value #REPLACES}).
 * It is always read from the table itself, at planning and again at every commit attempt against the exact
 * metadata the attempt commits on: never from a watermark kept elsewhere.
 *
 * <pre>{@code
 * Map<String, String> splits = SnapshotLedger.of(((HasTableOperations) table).operations().current());
 * }</pre>
 */
final class SnapshotLedger {
  static final String RUN = "lake.run-id";
  static final String PIPELINE = "lake.pipeline";
  static final String SPLITS = "lake.splits";
  static final String REPLACES = "lake.replaces-table";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotLedger() {}

  /** Each split the table state holds, with the run that committed it. */
  static Map<String, String> of(TableMetadata metadata) {
    Map<String, String> ledger = new HashMap<>();
    Snapshot s = metadata == null ? null : metadata.currentSnapshot();
    while (s != null) {
      Map<String, String> summary = s.summary();
      String run = summary.getOrDefault(RUN, "");
      for (String split : splits(summary)) {
        ledger.putIfAbsent(split, run);
      }
      if ("true".equals(summary.get(REPLACES)) || s.parentId() == null) {
        break;
      }
      s = metadata.snapshot(s.parentId());
    }
    return ledger;
  }

  static List<String> splits(Map<String, String> summary) {
    String json = summary.get(SPLITS);
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The " + SPLITS + " of a snapshot is not a JSON array of split ids: "
          + e.getOriginalMessage(), e);
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
