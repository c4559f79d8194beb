package dev.lake.examples.sparkify;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.Destination;
import dev.lake.examples.IcebergDestination;
import dev.lake.examples.IcebergLines;
import dev.lake.examples.RunLines;
import dev.lake.examples.Warehouse;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lake-examples sparkify}: the Sparkify song and event logs into a star schema, loaded into the warehouse,
 * then a few questions answered there in SQL.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar sparkify --lake ./lake
 * }</pre>
 */
@Command(name = "sparkify", mixinStandardHelpOptions = true,
    description = "Sparkify song and log JSON -> processed/{songs,artists,users,time,songplays} (Parquet), "
        + "then example queries.")
public final class SparkifyCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Override
  public Integer call() {
    URI data = options.data("sparkify/song_data/", "sparkify/log_data/"); // options checked before any write
    Destination to = options.destination();
    Lake lake = to.lake();
    Warehouse warehouse = options.iceberg() ? null : options.warehouse();
    boolean ok = true;
    List<String> datasets = List.of(Sparkify.SONGS, Sparkify.ARTISTS, Sparkify.USERS, Sparkify.TIME,
        Sparkify.SONGPLAYS);
    List<Pipeline<?>> pipelines = Sparkify.pipelines(data, to);
    for (int i = 0; i < pipelines.size(); i++) {
      PipelineResult r = pipelines.get(i).run();
      ok &= r.reconciles();
      System.out.printf("%-10s %,7d rows written, %,d rejected -> %s%s%n", datasets.get(i), r.rowsWritten(),
          r.rowsRejected(), to.describe(datasets.get(i)), RunLines.replaced(r));
      if (r.rowsRejected() > 0) {
        System.out.printf("%-10s bad rows under %s%n", "", lake.uri(r.rejectedDataset() + "/"));
      }
    }
    if (options.iceberg()) {
      System.out.println(IcebergLines.where((IcebergDestination) to));
      System.out.println("The warehouse load and the example queries read the Hive-style datasets: run without "
          + "--format iceberg for them.");
      return ok ? 0 : 1;
    }
    long rows = 0;
    for (String dataset : datasets) {
      rows += warehouse.load(lake, dataset).rows();
    }
    System.out.printf("Warehouse %s: 5 tables, %,d rows loaded%n%n", warehouse.describe(), rows);
    System.out.print(new SparkifyQueries(warehouse).report());
    return ok ? 0 : 1;
  }
}
