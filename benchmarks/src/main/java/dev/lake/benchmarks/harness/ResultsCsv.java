package dev.lake.benchmarks.harness;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The raw measurements of one suite run, one CSV row each, written (and flushed) as they are taken:
 * {@code benchmark,variant,run,seconds,rows,bytes,extra}. Warm-up runs have {@code run} 0.
 *
 * <pre>{@code
 * try (ResultsCsv csv = ResultsCsv.create(Path.of("target/results/2026-11-26T09-30-00Z.csv"))) {
 *   csv.append("csv-parquet", "lake", 1, 1.45, 541_909, 0, "");
 * }
 * }</pre>
 */
public final class ResultsCsv implements AutoCloseable {
  private final Path file;
  private final CsvWriter writer;

  private ResultsCsv(Path file, CsvWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Creates {@code file} (and its directory) with the header row. */
  public static ResultsCsv create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    CsvWriter w = CsvWriter.builder().autoFlush(true).build(file);
    w.writeRecord("benchmark", "variant", "run", "seconds", "rows", "bytes", "extra");
    return new ResultsCsv(file, w);
  }

  /** Appends one measurement. */
  public void append(String benchmark, String variant, int run, double seconds, long rows, long bytes, String extra) {
    try {
      writer.writeRecord(benchmark, variant, Integer.toString(run), String.format(Locale.ROOT, "%.4f", seconds),
          Long.toString(rows), Long.toString(bytes), extra);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Cannot append to " + file, e.getCause());
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
