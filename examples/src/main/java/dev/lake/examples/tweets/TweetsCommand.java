package dev.lake.examples.tweets;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.SinkReport;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.IcebergDestination;
import dev.lake.examples.IcebergLines;
import dev.lake.examples.UsageException;
import dev.lake.examples.AnswerTable;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.io.DataFile;
import dev.lake.loader.warehouse.ExternalTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lake-examples tweets}: Twitter v2 search pages from the raw zone into {@code processed/tweets}, only from
 * raw files no earlier run has read, then the tweets per day and the external-table DDL.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar tweets --lake ./lake
 * TWITTER_BEARER_TOKEN=... java -jar examples/target/lake-examples.jar tweets --live --query "#EPL lang:en"
 * }</pre>
 */
@Command(name = "tweets", mixinStandardHelpOptions = true,
    description = "Twitter v2 search pages (raw zone: data/twitter_v2/tweets/) -> processed/tweets, by day, "
        + "incrementally: only raw files no earlier run read.")
public final class TweetsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Option(names = "--live", description = "Search Twitter now (token from TWITTER_BEARER_TOKEN) instead of the "
      + "bundled raw zone: new pages go to <lake>/raw/twitter/tweets/ first.")
  boolean live;

  @Option(names = "--query", defaultValue = "#PremierLeague -is:retweet",
      description = "The recent-search query with --live (default: ${DEFAULT-VALUE}).")
  String query;

  @Override
  public Integer call() {
    java.net.URI data = live ? null : options.data("twitter_v2/tweets/"); // checked before any write
    if (options.iceberg()) {
      return toIceberg(data);
    }
    Lake lake = options.lake();
    PipelineResult result = live ? LiveTweets.run(lake, query)
        : Tweets.pipeline(RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(data)).incremental(), lake)
            .run();
    System.out.printf("%-7s %,d new raw files read, %,d rows written, %,d rejected in %.1f s -> %s%n", Tweets.DATASET,
        result.splits(), result.rowsWritten(), result.rowsRejected(), result.duration().toMillis() / 1000.0,
        lake.uri("processed/" + Tweets.DATASET + "/"));
    result.badRows().forEach(b -> System.out.println("  rejected " + b.position() + ": " + b.reason()));
    if (lake.latest(Tweets.DATASET).isEmpty()) {
      System.out.println("No tweets yet.");
      return 0;
    }
    printDays(lake);
    printDdl(lake, result.sinks().stream().allMatch(SinkReport::unchanged));
    return result.reconciles() ? 0 : 1;
  }

  /** {@code --format iceberg}: the raw pages into the Iceberg table {@code twitter.tweets}, upserted by tweet id. */
  private int toIceberg(java.net.URI data) {
    if (live) {
      throw new UsageException("--live writes the Hive-style dataset: leave out --format iceberg, or --live to "
          + "read the bundled raw zone into the Iceberg table");
    }
    IcebergDestination to = (IcebergDestination) options.destination();
    PipelineResult result = TweetsTable.pipeline(
        RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(data)).incremental(), to).run();
    System.out.printf("%-7s %,d new raw files read, %,d rows written, %,d rejected in %.1f s -> %s%n", Tweets.DATASET,
        result.splits(), result.rowsWritten(), result.rowsRejected(), result.duration().toMillis() / 1000.0,
        to.describe(Tweets.DATASET));
    result.badRows().forEach(b -> System.out.println("  rejected " + b.position() + ": " + b.reason()));
    System.out.println(IcebergLines.table(to, Tweets.DATASET));
    System.out.println(IcebergLines.where(to));
    return result.reconciles() ? 0 : 1;
  }

  /** The rows per day from the newest manifest's file entries (rows per file): no data file is read. */
  private static void printDays(Lake lake) {
    Map<String, Long> days = new TreeMap<>();
    for (DataFile f : lake.latest(Tweets.DATASET).orElseThrow().files()) {
      days.merge(f.partition().get("date"), f.rows(), Long::sum);
    }
    List<List<?>> rows = new ArrayList<>();
    days.forEach((day, n) -> rows.add(List.of(day, n)));
    System.out.println();
    System.out.println("Tweets stored, by day (partition date=...):");
    System.out.print(AnswerTable.format(List.of("date", "tweets"), rows));
  }

  private static void printDdl(Lake lake, boolean nothingCommitted) {
    System.out.println();
    if (!"s3".equals(lake.root().getScheme())) {
      System.out.println("External-table DDL (Redshift Spectrum / Athena): run with an s3:// lake to print it.");
      return;
    }
    ExternalTables ddl = ExternalTables.of(lake, Tweets.DATASET).glueDatabase("lake")
        .iamRole("arn:aws:iam::<account>:role/<spectrum-role>");
    System.out.println("External-table DDL (Redshift Spectrum; the table and partitions serve Athena as well):");
    System.out.println(ddl.createSchema() + ";");
    System.out.println(ddl.createTable() + ";");
    if (nothingCommitted) {
      System.out.println("-- no new partitions: this run committed nothing");
    } else {
      ddl.addedPartitions().forEach(s -> System.out.println(s + ";"));
    }
  }
}
