package dev.lake.it.driver;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link CrashDriver}, parsed and checked. Days are a comma-separated list of dates and
 * inclusive ranges ({@code 2010-12-01..2010-12-31}); days without a file in the data directory (Online Retail has no
 * Saturdays) are skipped.
 *
 * <pre>{@code
 * DriverOptions o = DriverOptions.parse("--lake", "/tmp/lake", "--data", "../data/online_retail/by-day",
 *     "--days", "2011-12-01..2011-12-09", "--parallelism", "2", "--fail-at", "581587");
 * }</pre>
 *
 * @param lake the lake root (a path or {@code s3://bucket/prefix})
 * @param inputs the day files to read, in date order
 * @param parallelism workers
 * @param maxRowsPerFile rows per Parquet file at most
 * @param failAt the invoice at which a step fails the run, or null
 * @param pauseAt the invoice at which a step pauses, or null
 * @param markers the directory of the {@code paused} and {@code resume} markers, or null
 * @param diskBytes bytes written under {@code processed/} before the disk is full ({@link StoreFaults#UNLIMITED})
 * @param readOnlyMetadata whether writes under {@code _lake/} fail as on a read-only file system
 */
public record DriverOptions(String lake, List<URI> inputs, int parallelism, long maxRowsPerFile, String failAt,
    String pauseAt, Path markers, long diskBytes, boolean readOnlyMetadata) {

  private static final Set<String> FLAGS = Set.of("--read-only-metadata");

  /** Parses the arguments; throws {@link IllegalArgumentException} naming what is wrong. */
  public static DriverOptions parse(String... args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (FLAGS.contains(args[i])) {
        o.put(args[i], "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        o.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("Unexpected argument " + args[i]);
      }
    }
    String lake = required(o, "--lake");
    Path data = Path.of(required(o, "--data"));
    List<URI> inputs = dayFiles(data, required(o, "--days"));
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("No day file under " + data + " for " + o.get("--days"));
    }
    String pauseAt = o.get("--pause-at");
    Path markers = o.containsKey("--markers") ? Path.of(o.get("--markers")) : null;
    if (pauseAt != null && markers == null) {
      throw new IllegalArgumentException("--pause-at needs --markers <dir>");
    }
    return new DriverOptions(lake, inputs, Integer.parseInt(o.getOrDefault("--parallelism", "1")),
        Long.parseLong(o.getOrDefault("--max-rows-per-file", "5000")), o.get("--fail-at"), pauseAt, markers,
        Long.parseLong(o.getOrDefault("--disk-full-after", String.valueOf(StoreFaults.UNLIMITED))),
        o.containsKey("--read-only-metadata"));
  }

  /** The existing files {@code <data>/YYYY-MM-DD.csv.gz} of the days in {@code spec}. */
  static List<URI> dayFiles(Path data, String spec) {
    List<URI> files = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] range = part.trim().split("\\.\\.");
      LocalDate from = LocalDate.parse(range[0]);
      LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        Path file = data.resolve(d + ".csv.gz").toAbsolutePath().normalize();
        if (Files.isRegularFile(file) && !files.contains(file.toUri())) {
          files.add(file.toUri());
        }
      }
    }
    return files;
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Missing " + name);
    }
    return v;
  }
}
