package dev.lake.benchmarks;

import dev.lake.examples.LakeExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bounded memory: converts N copies of the Online Retail data (default 10: 5.4 million rows, 3,050 gzip files)
 * to partitioned Parquet in a child JVM with a small heap (default -Xmx256m), and prints the time, the rows per
 * second and the child's peak resident memory (VmHWM).
 *
 * <pre>{@code
 * mvn -q install -DskipTests && (cd benchmarks && mvn -q exec:java \
 *     -Dexec.mainClass=dev.lake.benchmarks.MemoryBenchmark -Dexec.args="--copies 10 --heap 256m")
 * }</pre>
 */
public final class MemoryBenchmark {
  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int copies = 10;
    String heap = "256m";
    Path data = Path.of("data");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--copies" -> copies = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--data" -> data = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (!Files.isDirectory(data.resolve("online_retail"))) {
      data = Path.of("..").resolve(data);
    }
    Path work = Files.createTempDirectory("lake-memory");
    try {
      Path input = work.resolve("data/online_retail/by-day");
      Files.createDirectories(input);
      List<Path> days;
      try (Stream<Path> s = Files.list(data.resolve("online_retail/by-day"))) {
        days = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
      }
      for (int c = 0; c < copies; c++) {
        for (Path day : days) {
          Files.createLink(input.resolve("copy" + c + "-" + day.getFileName()), day.toAbsolutePath());
        }
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      long start = System.nanoTime();
      Process child = new ProcessBuilder(java, "-Xmx" + heap, "-cp", classpath(),
          LakeExamples.class.getName(), "ecommerce", "--data", work.resolve("data").toString(),
          "--lake", work.resolve("lake").toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
      long peakKb = 0;
      while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
        peakKb = Math.max(peakKb, peakRssKb(child.pid()));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long rows = 541_909L * copies;
      System.out.printf("%d copies (%,d rows, %,d files), -Xmx%s: exit %d, %.1f s, %,.0f rows/s, peak RSS %,d MB%n",
          copies, rows, days.size() * copies, heap, child.exitValue(), seconds, rows / seconds, peakKb / 1024);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
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
  private static long peakRssKb(long pid) {
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
