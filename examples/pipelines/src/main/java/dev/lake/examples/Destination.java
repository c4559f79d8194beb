package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.WriteMode;
import dev.lake.io.Sink;
import java.io.Serializable;

/**
 * Where the examples' pipelines land their datasets: Lake's processed zone as Hive-style Parquet
 * ({@link #processed}, the default) or Apache Iceberg tables ({@link IcebergDestination}). Either way the home lake
 * keeps the run reports, the cursors and the rejected rows.
 *
 * <pre>{@code
 * Destination to = Destination.processed(Lake.at("./lake"));
 * Pipeline.from(source).named("songs").to(to.sink("songs", WriteMode.OVERWRITE, "year", "artist_id"))
 *     .withLake(to.lake());
 * }</pre>
 */
public interface Destination extends Serializable {
  /** The lake that keeps run reports, cursors and rejected rows. */
  Lake lake();

  /**
   * The sink of {@code dataset}, written in {@code mode} ({@code APPEND} or {@code OVERWRITE}), partitioned by these
   * columns in the Hive-style layout (a destination may partition its own way: see {@link IcebergDestination}).
   */
  <T> Sink<T> sink(String dataset, WriteMode mode, String... partitionBy);

  /** Where {@code dataset} lands, for people: a URI or an Iceberg table with its catalog. */
  String describe(String dataset);

  /**
   * Whether the datasets land in {@link #lake()}'s processed zone, where {@code lake().read(dataset)} reads them
   * back; Iceberg tables are read by Spark, Trino or Athena, so a pipeline computes what it needs from its input.
   */
  boolean inLake();

  /** Lake's processed zone: {@code processed/<dataset>/<column>=<value>/…} as Snappy Parquet. */
  static Destination processed(Lake lake) {
    return new Processed(lake);
  }

  /** The processed zone of a lake. */
  record Processed(Lake lake) implements Destination {
    @Override
    public <T> Sink<T> sink(String dataset, WriteMode mode, String... partitionBy) {
      @SuppressWarnings("unchecked")
      Sink<T> sink = (Sink<T>) lake.processed(dataset).partitionBy(partitionBy).mode(mode);
      return sink;
    }

    @Override
    public String describe(String dataset) {
      return lake.uri("processed/" + dataset + "/").toString();
    }

    @Override
    public boolean inLake() {
      return true;
    }
  }
}
