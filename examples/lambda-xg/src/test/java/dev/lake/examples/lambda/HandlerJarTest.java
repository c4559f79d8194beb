package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shaded, minimized jar itself (target/lake-xg-handler.jar) run in a fresh JVM against s3proxy. */
class HandlerJarTest {
  static final Path JAR = Path.of("target", "lake-xg-handler.jar");

  @Test
  void jar_writesMatchesAndSeason_withOnlyWhatItPackages() throws Exception {
    assertThat(JAR).exists();
    assertThat(Files.size(JAR)).as("handler jar size").isLessThanOrEqualTo(25L << 20);
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.uploadTree(ExpectedPointsHandlerTest.UNDERSTAT, "data/epl_2020_21_xg/understat/");

      String out = S3Stage.runJar(JAR, ExpectedPointsHandler.class.getName(), s3.environment("s3://jar/lake",
          "s3://jar/data/"));

      assertThat(out).contains(String.format("%,d written, 0 rejected", ExpectedPointsHandlerTest.facts()[0]));
      assertThat(s3.keys("lake/processed/team_season/")).anyMatch(k -> k.endsWith(".parquet"));
    }
  }
}
