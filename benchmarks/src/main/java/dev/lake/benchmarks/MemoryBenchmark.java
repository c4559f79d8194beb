package dev.lake.benchmarks;

import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.LakeExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Bounded memory: the 10× Online Retail input (5,419,090 rows, 3,050 gzip files; 1× with {@code --quick}) converted
 * to partitioned Parquet by the e-commerce example in a child JVM with {@code -Xmx256m}. The time is the child's
 * whole life (JVM start included); its peak resident memory (VmHWM, polled from {@code /proc}) goes to
 * {@code extra}. A child that fails fails the benchmark.
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
          return Outcome.rows(OnlineRetailInput.ROWS * copies).withExtra(String.format(Locale.ROOT,
              "peak_rss_mb=%d", peakKb / 1024));
        })
        .warmups(0)
        .runs(s.runs(1, 1)));
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
