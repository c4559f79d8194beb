package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shaded, minimized jar itself (target/lake-sparkify-handler.jar) run in a fresh JVM against s3proxy. */
class HandlerJarTest {

  @Test
  void jar_writesTheStarSchema_withOnlyWhatItPackages() throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    assertThat(jar).exists();
    // 25 MB before LAKE_FORMAT=iceberg; iceberg-core (minimized) and Caffeine add about 4.9 MB
    assertThat(Files.size(jar)).as("handler jar size, at most 30 MB").isLessThanOrEqualTo(30_000_000L);
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.uploadTree(SparkifyHandlerTest.SPARKIFY, "data/sparkify/");

      String out = S3Stage.runJar(jar, SparkifyHandler.class.getName(), s3.environment("s3://jar/lake",
          "s3://jar/data/"));

      assertThat(out).contains(String.format("%,d written, 0 rejected", SparkifyHandlerTest.nextSongEvents()));
      assertThat(s3.keys("lake/processed/songplays/")).anyMatch(k -> k.endsWith(".parquet"));
    }
  }
}
