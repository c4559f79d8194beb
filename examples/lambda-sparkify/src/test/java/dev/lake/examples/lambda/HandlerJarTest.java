package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shaded, minimized jar itself (target/lake-sparkify-handler.jar) run in a fresh JVM against s3proxy. */
class HandlerJarTest {
  static final Path JAR = Path.of("target", "lake-sparkify-handler.jar");

  @Test
  void jar_writesTheStarSchema_withOnlyWhatItPackages() throws Exception {
    assertThat(JAR).exists();
    assertThat(Files.size(JAR)).as("handler jar size").isLessThanOrEqualTo(25L << 20);
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.uploadTree(SparkifyHandlerTest.SPARKIFY, "data/sparkify/");

      String out = S3Stage.runJar(JAR, SparkifyHandler.class.getName(), s3.environment("s3://jar/lake",
          "s3://jar/data/"));

      assertThat(out).contains(String.format("%,d written, 0 rejected", SparkifyHandlerTest.nextSongEvents()));
      assertThat(s3.keys("lake/processed/songplays/")).anyMatch(k -> k.endsWith(".parquet"));
    }
  }
}
