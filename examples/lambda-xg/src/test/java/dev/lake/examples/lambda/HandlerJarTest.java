package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded, minimized jar itself (target/lake-xg-handler.jar) run in a fresh JVM against s3proxy. */
class HandlerJarTest {

  @Test
  void jar_writesMatchesAndSeason_withOnlyWhatItPackages() throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    assertThat(jar).exists();
    // 25 MB before LAKE_FORMAT=iceberg; iceberg-core (minimized) and Caffeine add about 4.9 MB
    assertThat(Files.size(jar)).as("handler jar size, at most 30 MB").isLessThanOrEqualTo(30_000_000L);
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.uploadTree(ExpectedPointsHandlerTest.UNDERSTAT, "data/epl_2020_21_xg/understat/");

      String out = S3Stage.runJar(jar, ExpectedPointsHandler.class.getName(), s3.environment("s3://jar/lake",
          "s3://jar/data/"));

      assertThat(out).contains(String.format("%,d written, 0 rejected", ExpectedPointsHandlerTest.facts()[0]));
      assertThat(s3.keys("lake/processed/team_season/")).anyMatch(k -> k.endsWith(".parquet"));
    }
  }

  /**
   * The same jar with LAKE_FORMAT=iceberg: the Iceberg classes minimizeJar kept are enough to write both tables.
   * The catalog is an SQLite file, its driver added to the class path (the jar leaves sqlite-jdbc out).
   */
  @Test
  void jar_lakeFormatIceberg_writesBothTables_withOnlyWhatItPackagesAndAJdbcDriver(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String driver = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(e -> e.contains("sqlite-jdbc")).findFirst().orElseThrow();
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.uploadTree(ExpectedPointsHandlerTest.UNDERSTAT, "data/epl_2020_21_xg/understat/");
      java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://jar/lake", "s3://jar/data/"));
      env.put("LAKE_FORMAT", "iceberg");
      env.put("LAKE_ICEBERG_CATALOG", "jdbc:sqlite:" + dir.resolve("catalog.db"));

      // runJar passes its path as -cp: here two entries, the jar and the driver
      String out = S3Stage.runJar(Path.of(jar + java.io.File.pathSeparator + driver),
          ExpectedPointsHandler.class.getName(), env);

      assertThat(out).contains(String.format("%,d written, 0 rejected", ExpectedPointsHandlerTest.facts()[0]))
          .contains("iceberg:xg.team_season");
      assertThat(s3.keys("lake/iceberg/xg/team_season/data/")).anyMatch(k -> k.endsWith(".parquet"));
      assertThat(s3.keys("lake/processed/")).isEmpty();
    }
  }

  /** The minimized jar holds no Iceberg REST client: a REST catalog fails at once, saying so. */
  @Test
  void jar_restCatalog_failsBeforeAnyIoNamingTheFix() throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    java.util.Map<String, String> env = java.util.Map.of("LAKE_ROOT", "s3://jar/lake", "LAKE_DATA", "s3://jar/data/",
        "LAKE_FORMAT", "iceberg", "LAKE_ICEBERG_CATALOG", "https://glue.us-east-1.amazonaws.com/iceberg");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3Stage.runJar(jar,
            ExpectedPointsHandler.class.getName(), env))
        .hasMessageContaining("LAKE_ICEBERG_CATALOG https://glue.us-east-1.amazonaws.com/iceberg is an Iceberg REST "
            + "endpoint, but this handler's jar has no REST catalog client");
  }
}
