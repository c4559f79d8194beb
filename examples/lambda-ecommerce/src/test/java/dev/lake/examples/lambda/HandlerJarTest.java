package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.S3Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded, minimized jar itself (target/lake-ecommerce-handler.jar) run in a fresh JVM against s3proxy. */
class HandlerJarTest {

  @Test
  void jar_importsACreatedFile_withOnlyWhatItPackages(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    assertThat(jar).exists();
    // 25 MB before LAKE_FORMAT=iceberg; iceberg-core (minimized) and Caffeine add about 4.9 MB
    assertThat(Files.size(jar)).as("handler jar size, at most 30 MB").isLessThanOrEqualTo(30_000_000L);
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.upload(RetailImportHandlerTest.BY_DAY.resolve("2010-12-01.csv.gz"),
          "lake/raw/online_retail/2010-12-01.csv.gz");

      String out = S3Stage.runJar(jar, RetailImportHandler.class.getName(), s3.environment("s3://jar/lake",
          "s3://jar/data/"), "s3://jar/lake/raw/online_retail/2010-12-01.csv.gz");

      long lines = RetailImportHandlerTest.gunzip(RetailImportHandlerTest.BY_DAY.resolve("2010-12-01.csv.gz"))
          .size() - 1;
      assertThat(out).contains(String.format("%,d written, 0 rejected", lines));
      Path local = s3.download("lake/processed/online_retail/", dir);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + local + "/**/*.parquet')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(lines);
      }
    }
  }

  /**
   * The same jar with LAKE_FORMAT=iceberg: the Iceberg classes minimizeJar kept are enough to append the created file
   * to retail.online_retail. The catalog is an SQLite file, its driver added to the class path (the jar leaves
   * sqlite-jdbc out).
   */
  @Test
  void jar_lakeFormatIceberg_appendsTheCreatedFile_withOnlyWhatItPackagesAndAJdbcDriver(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when the jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String driver = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(e -> e.contains("sqlite-jdbc")).findFirst().orElseThrow();
    try (S3Stage s3 = S3Stage.start("jar")) {
      s3.upload(RetailImportHandlerTest.BY_DAY.resolve("2010-12-01.csv.gz"),
          "lake/raw/online_retail/2010-12-01.csv.gz");
      java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://jar/lake", "s3://jar/data/"));
      env.put("LAKE_FORMAT", "iceberg");
      env.put("LAKE_ICEBERG_CATALOG", "jdbc:sqlite:" + dir.resolve("catalog.db"));

      // runJar passes its path as -cp: here two entries, the jar and the driver
      String out = S3Stage.runJar(Path.of(jar + java.io.File.pathSeparator + driver),
          RetailImportHandler.class.getName(), env, "s3://jar/lake/raw/online_retail/2010-12-01.csv.gz");

      long lines = RetailImportHandlerTest.gunzip(RetailImportHandlerTest.BY_DAY.resolve("2010-12-01.csv.gz"))
          .size() - 1;
      assertThat(out).contains(String.format("%,d written, 0 rejected", lines))
          .contains("iceberg:retail.online_retail");
      assertThat(s3.keys("lake/iceberg/retail/online_retail/data/")).anyMatch(k -> k.endsWith(".parquet"));
      assertThat(s3.keys("lake/iceberg/retail/online_retail/metadata/")).anyMatch(k -> k.endsWith(".metadata.json"));
      assertThat(s3.keys("lake/processed/")).isEmpty();
    }
  }
}
