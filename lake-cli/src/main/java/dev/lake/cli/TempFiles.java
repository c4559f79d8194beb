package dev.lake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes the temporary copies a command made (files downloaded from S3 for DuckDB).
 *
 * <pre>{@code
 * TempFiles.delete(Files.createTempDirectory("lake-query-"));
 * }</pre>
 */
final class TempFiles {
  private TempFiles() {}

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: the OS cleans up what is left
    }
  }
}
