package dev.lake.sink.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A writer's counters, updated by its in-flight requests, reported in the WriterResult metadata. */
final class Stats {
  final AtomicLong written = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  final AtomicLong superseded = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong unprocessed = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();

  /** Rows accounted for as written: put, kept by a condition (skipped), or replaced by a later row in its batch. */
  long rows() {
    return written.get() + skipped.get() + superseded.get();
  }

  Map<String, String> metadata(String table) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("table", table);
    m.put("written", Long.toString(written.get()));
    m.put("skipped", Long.toString(skipped.get()));
    m.put("superseded", Long.toString(superseded.get()));
    m.put("rejected", Long.toString(rejected.get()));
    m.put("requests", Long.toString(requests.get()));
    m.put("retries", Long.toString(retries.get()));
    m.put("unprocessedItemsRetried", Long.toString(unprocessed.get()));
    m.put("throttled", Long.toString(throttled.get()));
    return m;
  }
}
