package dev.lake.examples.spark;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM (about 10 s to start): local mode, 2 threads, a failed task retried up to 4
 * times ({@code local[2,4]}), no UI. Never stopped: the JVM ends with the tests.
 */
final class SharedSpark {
  static final Path DATA = Path.of(System.getProperty("lake.data", "../../data")).toAbsolutePath().normalize();
  private static SparkSession session;
  private static Lake localRetail;
  private static PipelineResult localRetailResult;
  private static List<String> localRetailRows;

  private SharedSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2,4]")
          .appName("lake-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .getOrCreate();
    }
    return session;
  }

  /** The Online Retail pipeline run once per JVM on the local runner: the reference the Spark runs are checked with. */
  static synchronized Lake localOnlineRetail() {
    if (localRetail == null) {
      try {
        localRetail = Lake.at(Files.createTempDirectory("lake-spark-reference").toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      localRetailResult = OnlineRetail.pipeline(DATA.toUri(), localRetail).run();
    }
    return localRetail;
  }

  /** The rows of {@link #localOnlineRetail()}, as {@link #rows} gives them (read once). */
  static synchronized List<String> localOnlineRetailRows() {
    if (localRetailRows == null) {
      localRetailRows = rows(localOnlineRetail(), OnlineRetail.DATASET);
    }
    return localRetailRows;
  }

  /** The report of {@link #localOnlineRetail()}'s run. */
  static synchronized PipelineResult localOnlineRetailResult() {
    localOnlineRetail();
    return localRetailResult;
  }

  /** Every committed row of {@code dataset} as text, sorted: two runs wrote the same rows iff these are equal. */
  static List<String> rows(Lake lake, String dataset) {
    List<String> out = new ArrayList<>();
    for (GenericRecord r : lake.read(dataset).readAll()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
