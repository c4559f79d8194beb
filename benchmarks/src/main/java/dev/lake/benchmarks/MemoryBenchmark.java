package dev.lake.benchmarks;

import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.Lake;
import dev.lake.examples.LakeExamples;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.internal.lake.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Bounded memory: the 10× Online Retail input (5,419,090 rows, 3,050 gzip files; 1× with {@code --quick}) converted
 * to partitioned Parquet by the e-commerce example in a child JVM with {@code -Xmx256m}. The time is the child's
 * whole life (JVM start included); its peak resident memory (VmHWM, polled from {@code /proc}) goes to
 * {@code extra}. The rows reported are those the child committed, counted from the manifests it wrote (and the
 * rejected ones in {@code extra}); a child that fails, or whose rows do not add up to the input's, fails the
 * benchmark.
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
    int copies = s.quick() ? 1 : 10;
    Path input = OnlineRetailInput.copies(s.data(), s.target(), copies);
    h.compare(Comparison.of(name(), String.format("Online Retail x%d to Parquet in a child JVM with -Xmx%s", copies,
            HEAP))
        .variant("lake-xmx" + HEAP, (clock, dir) -> {
          String java = ProcessHandle.current().info().command().orElse("java");
          Process child = new ProcessBuilder(java, "-Xmx" + HEAP, "-cp", classpath(), LakeExamples.class.getName(),
              "ecommerce", "--data", input.toString(), "--lake", dir.resolve("lake").toString())
              .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
          long peakKb = 0;
          while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, peakRssKb(child.pid()));
          }
          clock.stop();
          if (child.exitValue() != 0) {
            throw new IllegalStateException("The -Xmx" + HEAP + " conversion exited with " + child.exitValue() + ":\n"
                + Files.readString(dir.resolve("child.log")));
          }
          long[] counted = rowsWritten(dir.resolve("lake"));
          if (counted[0] + counted[1] != OnlineRetailInput.ROWS * copies) {
            throw new IllegalStateException("The -Xmx" + HEAP + " conversion committed " + counted[0] + " rows and "
                + "rejected " + counted[1] + ", but the input holds " + OnlineRetailInput.ROWS * copies);
          }
          return Outcome.rows(counted[0]).withExtra(String.format(Locale.ROOT, "peak_rss_mb=%d rejected=%d",
              peakKb / 1024, counted[1]));
        })
        .warmups(0)
        .runs(s.runs(1, 1)));
  }

  /**
   * The rows the child committed into the dataset and into its rejected zone, as the manifests it wrote count them
   * (each file's row count, from the writer that wrote it): what the outcome reports, not the input's known size.
   */
  static long[] rowsWritten(Path lakeDir) {
    Lake lake = Lake.at(lakeDir.toUri());
    long written = lake.latest(OnlineRetail.DATASET).map(Manifest::rows).orElse(0L);
    long rejected = lake.latest("rejected/" + OnlineRetail.DATASET).map(Manifest::rows).orElse(0L);
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
