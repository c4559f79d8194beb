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
    assertThat(Files.size(jar)).as("handler jar size, at most 25 MB").isLessThanOrEqualTo(25_000_000L);
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
}
