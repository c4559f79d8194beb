package dev.lake.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Online Retail input, or N copies of it built once under {@code <target>/inputs/online-retail-<N>x/} as gzip
 * files like the original (hard links where the file system allows, else copies): 305 files and 541,909 rows per
 * copy. Returns a directory laid out like {@code data/}: {@code <dir>/online_retail/by-day/*.csv.gz}.
 *
 * <pre>{@code
 * Path tenX = OnlineRetailInput.copies(settings.data(), settings.target(), 10);   // 3,050 files, 5,419,090 rows
 * }</pre>
 */
final class OnlineRetailInput {
  static final long ROWS = 541_909L;

  private OnlineRetailInput() {}

  static Path copies(Path data, Path target, int copies) throws IOException {
    if (copies == 1) {
      return data;
    }
    List<Path> days = days(data);
    Path root = target.resolve("inputs/online-retail-" + copies + "x");
    Path byDay = root.resolve("online_retail/by-day");
    Files.createDirectories(byDay);
    for (int c = 0; c < copies; c++) {
      for (Path day : days) {
        Path to = byDay.resolve(String.format("copy%02d-%s", c, day.getFileName()));
        if (Files.exists(to) && Files.size(to) == Files.size(day)) {
          continue;
        }
        Files.deleteIfExists(to);
        try {
          Files.createLink(to, day);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(day, to);
        }
      }
    }
    return root;
  }

  static List<Path> days(Path data) throws IOException {
    try (Stream<Path> s = Files.list(data.resolve("online_retail/by-day"))) {
      return s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().map(Path::toAbsolutePath).toList();
    }
  }

  /** Total size of the regular files under {@code dir}. */
  static long bytesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
