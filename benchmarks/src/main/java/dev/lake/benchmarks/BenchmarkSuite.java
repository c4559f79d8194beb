package dev.lake.benchmarks;

import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.LoadAverage;
import dev.lake.benchmarks.harness.ResultsCsv;
import dev.lake.benchmarks.harness.Settings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every benchmark in one run: each comparison interleaved after its warm-up, medians and ratios printed side by side,
 * every raw measurement appended to {@code target/results/<UTC timestamp>.csv}
 * ({@code benchmark,variant,run,seconds,rows,bytes,extra}), and a table of all ratios at the end. Options are in
 * {@link Settings#USAGE}; {@code --list} prints the benchmark names.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench                          # the whole suite
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--quick"   # a short pass
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only sparkify,lambda"
 * }</pre>
 */
public final class BenchmarkSuite {
  private BenchmarkSuite() {}

  /** The benchmarks, in the order they run. */
  static List<Benchmark> all() {
    return List.of(new CsvToParquetBenchmark(1), new CsvToParquetBenchmark(10), new SparkifyBenchmark(false),
        new SparkifyBenchmark(true),
        new DynamoDbLoadBenchmark(), new PostgresLoadBenchmark(), new LambdaColdStartBenchmark(),
        new MemoryBenchmark(), new S3UploadBenchmark(), new CompactionBenchmark(false), new CompactionBenchmark(true),
        new BufferBenchmark(), new AggregateBenchmark());
  }

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--list")) {
      all().forEach(b -> System.out.println(b.name()));
      return;
    }
    Settings s = Settings.parse(args);
    List<Benchmark> chosen = new ArrayList<>(all().stream().filter(b -> s.selected(b.name())).toList());
    List<String> unknown = new ArrayList<>(s.only());
    unknown.removeAll(all().stream().map(Benchmark::name).toList());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Unknown benchmark(s) " + unknown + "; choose from "
          + all().stream().map(Benchmark::name).toList());
    }
    String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-');
    Path csvFile = s.target().resolve("results").resolve(stamp + ".csv");
    PrintStream out = System.out;
    out.println(machine());
    try (ResultsCsv csv = ResultsCsv.create(csvFile)) {
      Harness h = new Harness(csv, out, s.work());
      List<String> failed = new ArrayList<>();
      for (Benchmark b : chosen) {
        try {
          b.run(h, s);
        } catch (Exception | Error e) { // one broken benchmark does not cost the others' figures
          failed.add(b.name());
          out.println("!! " + b.name() + " failed:");
          e.printStackTrace(out);
        }
      }
      out.printf("%n== summary (ratio = Lake's median time / the alternative's; below 1: Lake is faster)%n");
      for (Harness.Summary sum : h.summaries()) {
        for (Map.Entry<String, Double> r : sum.ratios().entrySet()) {
          String lake = sum.medianSeconds().keySet().iterator().next();
          out.printf("%-22s %-20s / %-24s %7.2f   (%.2f s vs %.2f s)%n", sum.benchmark(), lake, r.getKey(),
              r.getValue(), sum.medianSeconds().get(lake), sum.medianSeconds().get(r.getKey()));
        }
      }
      out.println("raw measurements: " + csvFile);
      if (!failed.isEmpty()) {
        throw new IllegalStateException("These benchmarks failed (see above): " + failed);
      }
    } finally {
      Harness.delete(s.work());
    }
  }

  /** Cores, memory, OS, Java and the load average: printed first, to go with the figures. */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format("machine: %d cores, %.0f GiB, %s %s, Java %s (%s), max heap %,d MB, load average %s",
        rt.availableProcessors(), memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20, LoadAverage.now());
  }
}
