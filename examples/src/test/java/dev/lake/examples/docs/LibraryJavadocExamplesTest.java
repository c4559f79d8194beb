package dev.lake.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.docs.JavadocExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public type's first Javadoc example in the published library modules compiles, on this module's class path,
 * which holds all of them but lake-spark and lake-cli (built after the examples). An example may use another module's
 * types without importing them, as a reader would ({@code CsvSource}, {@code S3ObjectStore}, the examples' {@code Sale}
 * record): their packages are imported for every example. lake-core (with lake-api's) and lake-sentiment check their
 * own examples on their own class paths too ({@code JavadocExamplesTest}); lake-spark checks its own and
 * {@code PipelineRunner}'s, which need Spark ({@code SparkJavadocExamplesTest}).
 */
class LibraryJavadocExamplesTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> MODULES = List.of("lake-api", "lake-core", "lake-testing", "lake-lambda",
      "lake-sentiment", "lake-sources/lake-source-files", "lake-sources/lake-source-http",
      "lake-sources/lake-source-football", "lake-sources/lake-source-twitter", "lake-sources/lake-source-kinesis",
      "lake-stores/lake-s3", "lake-sinks/lake-dynamodb", "lake-sinks/lake-kinesis", "lake-sinks/lake-iceberg",
      "lake-loaders/lake-loader-warehouse");
  private static final List<String> IMPORTS = List.of("dev.lake.runner.*", "dev.lake.testing.*", "dev.lake.lambda.*",
      "dev.lake.sentiment.*", "dev.lake.source.files.*", "dev.lake.source.http.*", "dev.lake.source.football.*",
      "dev.lake.source.twitter.*", "dev.lake.source.kinesis.*", "dev.lake.sink.s3.*", "dev.lake.sink.dynamodb.*",
      "dev.lake.sink.kinesis.*", "dev.lake.sink.iceberg.*", "dev.lake.loader.warehouse.*",
      "dev.lake.examples.ecommerce.*", "dev.lake.examples.ecommerce.invoices.*", "dev.lake.examples.sparkify.*",
      "dev.lake.examples.xg.*", "dev.lake.examples.tweets.LiveTweets", "com.amazonaws.services.lambda.runtime.*",
      "com.amazonaws.services.lambda.runtime.events.*", "software.amazon.awssdk.regions.Region",
      "software.amazon.awssdk.services.s3.S3Client", "software.amazon.awssdk.services.s3.model.ServerSideEncryption",
      "software.amazon.awssdk.services.s3.model.StorageClass",
      "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
      "software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType",
      "software.amazon.awssdk.services.kinesis.KinesisClient",
      "software.amazon.awssdk.services.redshiftdata.RedshiftDataClient",
      "software.amazon.awssdk.services.glue.GlueClient",
      "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
      "software.amazon.awssdk.services.ssm.SsmClient");

  @Test
  void examples_ofEveryLibraryModule_compile() {
    List<JavadocExamples.Example> examples = new ArrayList<>();
    MODULES.forEach(m -> examples.addAll(JavadocExamples.find(ROOT.resolve(m).resolve("src/main/java"))));
    examples.removeIf(e -> e.file().endsWith(Path.of("dev/lake/PipelineRunner.java")));   // lake-spark checks it

    List<String> failures = JavadocExamples.compile(examples, IMPORTS);

    assertThat(examples).hasSizeGreaterThan(150);
    assertThat(failures).as("examples that do not compile (file:line: error)").isEmpty();
  }
}
