package dev.lake.sink.iceberg;

import dev.lake.Pipeline;
import dev.lake.io.NamedSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * A run into an Iceberg table in a child JVM, for {@link IcebergKillTest}: twelve splits of 200 rows on two workers;
 * once {@code markAfter} rows have passed it creates the marker file (the parent then kills it with SIGKILL) and goes
 * on a little slower, so that the kill lands anywhere from the first files to the commit.
 *
 * <pre>{@code
 * java -cp ... dev.lake.sink.iceberg.IcebergChildRun /tmp/warehouse 700 /tmp/marker
 * }</pre>
 */
public final class IcebergChildRun {
  record Line(String split, int n) {}

  static final Map<String, List<Line>> SPLITS = new LinkedHashMap<>();

  static {
    for (int s = 0; s < 12; s++) {
      String name = "s" + s;
      SPLITS.put(name, IntStream.range(0, 200).mapToObj(n -> new Line(name, n)).toList());
    }
  }

  private IcebergChildRun() {}

  public static void main(String[] args) throws Exception {
    IcebergCatalog catalog = IcebergCatalog.local(args[0]);
    long markAfter = Long.parseLong(args[1]);
    Path marker = Path.of(args[2]);
    AtomicLong seen = new AtomicLong();
    Pipeline.from(NamedSplits.of(SPLITS)).named("lines").withParallelism(2)
        .map("mark-then-slow-down", (Line l) -> {
          long n = seen.incrementAndGet();
          if (n == markAfter) {
            try {
              Files.createFile(marker);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          if (n >= markAfter && n % 20 == 0) {
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return l;
        })
        .to(catalog.<Line>table("t.lines").partitionBy("split").targetFileBytes(2048))
        .run();
    Files.writeString(marker.resolveSibling(marker.getFileName() + ".done"), "committed");
  }
}
