package dev.lake.examples.spark;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.sparkify.Sparkify;
import dev.lake.spark.SparkRunner;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The examples' pipelines as a Spark job, for {@code spark-submit} on EMR or as a Glue job: the same
 * {@code OnlineRetail} and {@code Sparkify} pipelines that run locally, run with {@link SparkRunner}. Arguments come
 * as {@code --name value} pairs (Glue passes its own, such as {@code --JOB_NAME}; they are ignored).
 *
 * <pre>{@code
 * spark-submit --class dev.lake.examples.spark.SparkJob lake-spark-job.jar \
 *     --pipeline ecommerce --data s3://my-bucket/data/ --lake s3://my-bucket/lake/
 * }</pre>
 */
public final class SparkJob {
  private SparkJob() {}

  public static void main(String[] args) {
    String pipeline = option(args, "--pipeline", "ecommerce");
    URI data = URI.create(withSlash(option(args, "--data", null)));
    Lake lake = Lake.at(option(args, "--lake", null));
    SparkSession spark = SparkSession.builder().appName("lake-" + pipeline).getOrCreate();
    List<Pipeline<?>> pipelines = new ArrayList<>();
    switch (pipeline) {
      case "ecommerce" -> pipelines.add(OnlineRetail.pipeline(data, lake));
      case "sparkify" -> pipelines.addAll(Sparkify.pipelines(data, lake));
      default -> throw new IllegalArgumentException("--pipeline " + pipeline + ": use ecommerce or sparkify");
    }
    for (Pipeline<?> p : pipelines) {
      PipelineResult result = p.run(SparkRunner.of(spark));
      System.out.println(result.summary());
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException("Missing " + name + " <value>; usage: --pipeline ecommerce|sparkify "
          + "--data s3://bucket/data/ --lake s3://bucket/lake/");
    }
    return fallback;
  }

  private static String withSlash(String uri) {
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
