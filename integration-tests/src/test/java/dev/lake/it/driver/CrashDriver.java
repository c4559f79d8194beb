package dev.lake.it.driver;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.io.ObjectStores;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Online Retail pipeline as a program, run by the tests as a child JVM that they can kill, pause or starve of
 * disk. Faults go through the store: a {@link FaultInjectingStore} is registered for the lake root around the store
 * {@link ObjectStores#forUri} found. Exits 0 printing {@code OK <summary>} when the run commits; exits 1 printing
 * {@code FAILED: <message>} (then a {@code cause:} line per cause) when it fails, 2 on a bad command line.
 *
 * <pre>{@code
 * java -cp <test class path> dev.lake.it.driver.CrashDriver --lake /tmp/lake --data ../data/online_retail/by-day \
 *     --days 2010-12-01..2011-12-09 --parallelism 2 --max-rows-per-file 5000 [--fail-at 581587] \
 *     [--pause-at 581587 --markers /tmp/m] [--disk-full-after 100000] [--read-only-metadata]
 * }</pre>
 *
 * For an {@code s3://} lake the S3 store is configured by the {@code lake.s3.endpoint}, {@code lake.s3.pathStyle},
 * {@code lake.s3.region}, {@code aws.accessKeyId} and {@code aws.secretAccessKey} system properties.
 */
public final class CrashDriver {
  /** The dataset the pipeline writes. */
  public static final String DATASET = "online_retail";

  private CrashDriver() {}

  /** Runs the pipeline once. */
  public static void main(String[] args) {
    DriverOptions options;
    try {
      options = DriverOptions.parse(args);
    } catch (RuntimeException e) {
      System.out.println("USAGE: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      PipelineResult result = run(options);
      System.out.println("OK " + result.summary());
      System.out.flush();
      System.exit(0);
    } catch (Throwable e) {
      System.out.println("FAILED: " + e.getMessage());
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        System.out.println("cause: " + c);
      }
      System.out.flush();
      System.exit(1);
    }
  }

  static PipelineResult run(DriverOptions o) throws Exception {
    URI root = ObjectStores.toUri(o.lake());
    if ("file".equals(root.getScheme())) {
      Files.createDirectories(Path.of(root));
    }
    StoreFaults faults = new StoreFaults(root, o.diskBytes(), o.readOnlyMetadata());
    ObjectStores.register(root, new FaultInjectingStore(ObjectStores.forUri(root), faults));
    InvoiceFault step = o.pauseAt() != null ? InvoiceFault.pauseAt(o.pauseAt(), o.markers())
        : o.failAt() != null ? InvoiceFault.failAt(o.failAt()) : InvoiceFault.none();
    Lake lake = Lake.at(root);
    return Pipeline.from(CsvSource.of(RetailSale.class).from(o.inputs().toArray(URI[]::new)))
        .named("online-retail")
        .map("inject-faults", step)
        .map("partition-by-month", RetailRow::of)
        .to(lake.processed(DATASET).partitionBy("year", "month").maxRowsPerFile(o.maxRowsPerFile())
            .mode(WriteMode.APPEND))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .withParallelism(o.parallelism())
        .run();
  }
}
