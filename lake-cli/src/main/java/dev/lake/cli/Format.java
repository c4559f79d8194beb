package dev.lake.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Human-readable sizes, times and durations for the commands' tables.
 *
 * <pre>{@code
 * Format.bytes(4_593_827);            // "4.4 MB"
 * Format.time(Instant.now());         // "2026-11-26 08:01:44Z"
 * Format.cut("{since_id=1578437593349574656}", 12);   // "{since_id=1…"
 * }</pre>
 */
final class Format {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private Format() {}

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    long ms = d.toMillis();
    return ms < 60_000 ? String.format("%.1f s", ms / 1000.0) : String.format("%d min %02d s", ms / 60_000,
        (ms / 1000) % 60);
  }

  /** {@code text} cut to {@code max} characters, the last of them an ellipsis, when it is longer. */
  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static String cursors(Map<String, String> cursors) {
    if (cursors == null || cursors.isEmpty()) {
      return "{}";
    }
    return cursors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
