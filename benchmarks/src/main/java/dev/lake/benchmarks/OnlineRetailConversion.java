package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Only the Online Retail conversion (CSV to Parquet by year and month), as a program of its own for a child JVM:
 * no warehouse load, no DuckDB answers, nothing else in the process. Prints the run's summary and, last, the
 * process's own CPU time ({@code cpu_ms=N}), which the parent cannot read once the child has exited.
 *
 * <pre>{@code
 * java -Xmx256m -cp <classpath> dev.lake.benchmarks.OnlineRetailConversion <data dir> <lake dir>
 * }</pre>
 */
public final class OnlineRetailConversion {
  private OnlineRetailConversion() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: OnlineRetailConversion <data dir holding online_retail/by-day> <lake dir>");
      System.exit(2);
    }
    PipelineResult result = OnlineRetail.pipeline(Path.of(args[0]).toAbsolutePath().toUri(),
        Lake.at(Path.of(args[1]).toAbsolutePath().toUri())).run();
    System.out.println(result.summary());
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println("cpu_ms=" + os.getProcessCpuTime() / 1_000_000);
  }
}
