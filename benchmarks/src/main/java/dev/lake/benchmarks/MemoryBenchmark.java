package dev.lake.benchmarks;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Clock;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.LakeExamples;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded memory and scale: the Online Retail conversion alone ({@link OnlineRetailConversion}: CSV to partitioned
 * Parquet, nothing else in the process) in a child JVM with {@code -Xmx256m}, at 1x, 10x and 50x the input
 * (541,909 rows and 305 gzip files per copy; 1x only with {@code --quick}); and, as before, the whole e-commerce
 * example at 10x, whose warehouse load and BI answers run DuckDB in the same process (DuckDB's native memory, not
 * the Java heap, sets that peak). The time is the child's whole life (JVM start included); its peak resident memory
 * (VmHWM, polled from {@code /proc}) and, for the conversion, its own CPU time go to {@code extra}, with rows per
 * second per core two ways: rows / wall / cores, and rows per CPU-second (which a busy machine does not skew). The
 * rows reported are those the child committed, counted from the manifests it wrote; a child that fails, or whose
 * rows do not add up to the input's, fails the benchmark.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only memory"
 * }</pre>
 */
final class MemoryBenchmark implements Benchmark {
  static final String HEAP = "256m";

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    for (int copies : s.quick() ? List.of(1) : List.of(1, 10, 50)) {
      Path input = OnlineRetailInput.copies(s.data(), s.target(), copies);
      h.compare(Comparison.of(name() + "-" + copies + "x", String.format("Online Retail x%d: the conversion alone "
              + "in a child JVM with -Xmx%s", copies, HEAP))
          .variant("conversion-xmx" + HEAP, (clock, dir) -> child(clock, dir, copies,
              OnlineRetailConversion.class.getName(), input.toString(), dir.resolve("lake").toString()))
          .warmups(0)
          .runs(s.runs(1, 1)));
    }
    if (!s.quick()) {
      Path input = OnlineRetailInput.copies(s.data(), s.target(), 10);
      h.compare(Comparison.of(name() + "-example", "Online Retail x10: the whole e-commerce example (conversion, "
              + "warehouse load and BI answers in DuckDB) in a child JVM with -Xmx" + HEAP)
          .variant("ecommerce-xmx" + HEAP, (clock, dir) -> child(clock, dir, 10, LakeExamples.class.getName(),
              "ecommerce", "--data", input.toString(), "--lake", dir.resolve("lake").toString()))
          .warmups(0)
          .runs(s.runs(1, 1)));
    }
  }

  private static Outcome child(Clock clock, Path dir, int copies, String... mainAndArgs)
      throws Exception {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + HEAP, "-cp", classpath()));
    command.addAll(List.of(mainAndArgs));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    long peakKb = 0;
    while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
      peakKb = Math.max(peakKb, peakRssKb(child.pid()));
    }
    clock.stop();
    double seconds = clock.seconds();
    String log = Files.readString(dir.resolve("child.log"));
    if (child.exitValue() != 0) {
      throw new IllegalStateException("The -Xmx" + HEAP + " run exited with " + child.exitValue() + ":\n" + log);
    }
    long[] counted = rowsWritten(dir.resolve("lake"));
    if (counted[0] + counted[1] != OnlineRetailInput.ROWS * copies) {
      throw new IllegalStateException("The -Xmx" + HEAP + " run committed " + counted[0] + " rows and rejected "
          + counted[1] + ", but the input holds " + OnlineRetailInput.ROWS * copies);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    String extra = String.format(Locale.ROOT, "peak_rss_mb=%d rejected=%d rows_per_s_per_core=%.0f", peakKb / 1024,
        counted[1], counted[0] / seconds / cores);
    Matcher cpu = Pattern.compile("cpu_ms=(\\d+)").matcher(log);
    if (cpu.find()) {
      long cpuMs = Long.parseLong(cpu.group(1));
      extra += String.format(Locale.ROOT, " cpu_s=%.1f rows_per_cpu_s=%.0f", cpuMs / 1e3, counted[0] / (cpuMs / 1e3));
    }
    return Outcome.rows(counted[0]).withExtra(extra);
  }

  /**
   * The rows the child committed into the dataset and into its rejected zone, as the manifests it wrote count them
   * (each file's row count, from the writer that wrote it): what the outcome reports, not the input's known size.
   */
  static long[] rowsWritten(Path lakeDir) {
    Lake lake = Lake.at(lakeDir.toUri());
    long written = lake.latest(OnlineRetail.DATASET).map(DatasetVersion::rows).orElse(0L);
    long rejected = lake.latest("rejected/" + OnlineRetail.DATASET).map(DatasetVersion::rows).orElse(0L);
    return new long[] {written, rejected};
  }

  /** This program's classpath, also when started by {@code mvn exec:java} (a class loader of its own). */
  static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader urls) {
      StringBuilder cp = new StringBuilder();
      for (java.net.URL url : urls.getURLs()) {
        try {
          cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return cp.toString();
    }
    return System.getProperty("java.class.path");
  }

  /** VmHWM (peak resident set) of a live process from /proc, in kB; 0 where /proc is not available. */
  static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two polls
    }
    return 0;
  }
}
