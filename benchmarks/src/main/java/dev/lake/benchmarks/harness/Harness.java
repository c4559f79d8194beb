package dev.lake.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@link Comparison}s the same way for every benchmark: warm-ups, then interleaved runs, each in a fresh
 * directory, each measurement appended to the {@link ResultsCsv} (with the machine's load average in {@code extra}),
 * then a table of medians, rows/s and the ratio Lake / alternative (of the median times: below 1 means Lake is
 * faster).
 *
 * <pre>{@code
 * Harness h = new Harness(csv, System.out, Path.of("target/work"));
 * Summary s = h.compare(Comparison.of("x", "…").variant("lake", a).variant("duckdb", b).runs(3));
 * }</pre>
 */
public final class Harness {
  private final ResultsCsv csv;
  private final PrintStream out;
  private final Path work;
  private final List<Summary> summaries = new ArrayList<>();

  public Harness(ResultsCsv csv, PrintStream out, Path work) {
    this.csv = csv;
    this.out = out;
    this.work = work;
  }

  /** The medians of one comparison; {@code ratios} are Lake's median time over each alternative's. */
  public record Summary(String benchmark, Map<String, Double> medianSeconds, Map<String, Long> rows,
      Map<String, Double> ratios) {}

  /** Runs {@code c}, prints each run and the summary, and returns the summary. */
  public Summary compare(Comparison c) throws Exception {
    List<Variant> variants = c.variants();
    out.printf("%n== %s: %s (%d warm-up, %d interleaved runs)%n", c.name(), c.description(), c.warmups(), c.runs());
    for (int w = 0; w < c.warmups(); w++) {
      StringBuilder line = new StringBuilder("warm-up:");
      for (Variant v : variants) {
        Measured m = measure(c, v, 0);
        line.append(String.format("  %s %.2f s", v.name(), m.seconds));
      }
      out.println(line);
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (int run = 1; run <= c.runs(); run++) {
      StringBuilder line = new StringBuilder("run " + run + ":");
      for (Variant v : variants) {
        Measured m = measure(c, v, run);
        times.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(m.seconds);
        rows.put(v.name(), m.outcome.rows());
        bytes.put(v.name(), m.outcome.bytes());
        line.append(String.format("  %s %.2f s", v.name(), m.seconds));
        if (!m.outcome.extra().isEmpty()) {
          line.append(" (").append(m.outcome.extra()).append(')');
        }
      }
      out.println(line);
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    times.forEach((k, v) -> medians.put(k, median(v)));
    String lake = variants.get(0).name();
    Map<String, Double> ratios = new LinkedHashMap<>();
    out.printf("%-28s %10s %10s %10s %14s  %s%n", "variant", "median s", "min s", "max s", "rows/s (MB/s)",
        "ratio (time)");
    for (Variant v : variants) {
      List<Double> t = times.get(v.name());
      double med = medians.get(v.name());
      long r = rows.get(v.name());
      long b = bytes.get(v.name());
      String rate = r > 0 ? String.format("%,14.0f", r / med) : b > 0 ? String.format("(%,.1f MB/s)", b / 1048576.0
          / med) : "-";
      String ratio = "";
      if (!v.name().equals(lake)) {
        double x = medians.get(lake) / med;
        ratios.put(v.name(), x);
        ratio = String.format("%s/%s %.2f", lake, v.name(), x);
      }
      out.printf("%-28s %10.3f %10.3f %10.3f %14s  %s%n", v.name(), med,
          t.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          t.stream().mapToDouble(Double::doubleValue).max().orElse(0), rate, ratio);
    }
    Summary s = new Summary(c.name(), medians, rows, ratios);
    summaries.add(s);
    return s;
  }

  /** Every summary so far, in order. */
  public List<Summary> summaries() {
    return List.copyOf(summaries);
  }

  /** Records a figure that is not a timed comparison (e.g. a jar's size) in the CSV and the output. */
  public void record(String benchmark, String variant, double seconds, Outcome o) {
    csv.append(benchmark, variant, 1, seconds, o.rows(), o.bytes(), o.extra());
    out.printf("%s %s: %.3f s, %,d rows, %,d bytes %s%n", benchmark, variant, seconds, o.rows(), o.bytes(), o.extra());
  }

  private record Measured(double seconds, Outcome outcome) {}

  private Measured measure(Comparison c, Variant v, int run) throws Exception {
    Files.createDirectories(work);
    Path dir = Files.createTempDirectory(work, c.name() + "-" + v.name() + "-");
    try {
      Clock clock = new Clock();
      Outcome o = v.trial().run(clock, dir);
      clock.stop();
      Outcome logged = o.withExtra("load=" + LoadAverage.now() + (run == 0 ? ";warm-up" : ""));
      csv.append(c.name(), v.name(), run, clock.seconds(), o.rows(), o.bytes(), logged.extra());
      return new Measured(clock.seconds(), o);
    } finally {
      delete(dir);
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
