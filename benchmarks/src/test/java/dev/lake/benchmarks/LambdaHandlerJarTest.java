package dev.lake.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.benchmarks.lambda.ColdStart;
import dev.lake.benchmarks.lambda.CsvToParquetHandler;
import dev.lake.testing.S3ProxyServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 CSV→Parquet handler jar the cold-start benchmark measures ({@code benchmarks/lambda-s3}, shaded and
 * minimized): at most 20 MB (MiB, as BENCHMARKS.md counts), and, with only what it packages, run in a fresh JVM with
 * Lambda's default flags (C1, serial GC) on an S3 event against s3proxy, it writes every good line as Parquet (read
 * back by DuckDB) and the bad line to the rejected zone. Runs in the integration-test phase (surefire's
 * {@code handler-jar} execution), after lambda-s3 has built the jar: {@code mvn -pl benchmarks -am verify}.
 */
class LambdaHandlerJarTest {
  private static final long MAX_BYTES = 20L * 1024 * 1024;
  private static final String KEY = "AKIAJARTEST000000001";
  private static final String SECRET = "jarTestSecret0123456789";

  @Test
  void handlerJar_isAtMost20MB() throws Exception {
    Path jar = jar();
    assertThat(Files.size(jar)).as("size of %s in bytes", jar).isLessThanOrEqualTo(MAX_BYTES);
  }

  @Test
  void handlerJar_carriesNoTerminalLibrary() throws Exception {
    // lake-core's progress bar (and JLine under it) is an optional dependency: a handler has no terminal.
    try (JarFile jar = new JarFile(jar().toFile())) {
      assertThat(jar.stream().map(JarEntry::getName))
          .noneMatch(n -> n.startsWith("me/tongfei/") || n.startsWith("org/jline/"));
    }
  }

  @Test
  void handlerJar_convertsAnEventsCsv_withOnlyWhatItPackages(@TempDir Path dir) throws Exception {
    Path jar = jar();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
        Settings.data().resolve("online_retail/by-day/2010-12-01.csv.gz"))), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && lines.size() < 301; line = r.readLine()) {
        lines.add(line);
      }
    }
    lines.add("536999,85123A,BAD QUANTITY,many,2010-12-01 09:00:00,2.55,17850.0,United Kingdom");
    Path csv = dir.resolve("in.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv));
         PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8)) {
      lines.forEach(p::println);
    }

    try (S3ProxyServer proxy = S3ProxyServer.startOnDisk(Files.createDirectories(dir.resolve("s3")), KEY, SECRET);
         S3Client s3 = proxy.client()) {
      s3.createBucket(b -> b.bucket("jar"));
      s3.putObject(b -> b.bucket("jar").key("in/2010-12-01.csv.gz"), RequestBody.fromFile(csv));

      List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC", "-cp", jar.toString(), ColdStart.class.getName(), CsvToParquetHandler.class.getName(),
          "jar", "in/2010-12-01.csv.gz");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("out.log").toFile());
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.environment().putAll(Map.of("LAKE_S3_ENDPOINT", proxy.endpoint().toString(), "AWS_REGION", "us-east-1",
          "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET, "LAKE_ROOT", "s3://jar/lake"));
      int exit = pb.start().waitFor();
      String out = Files.readString(dir.resolve("out.log"));

      assertThat(exit).as(out).isZero();
      assertThat(out).contains("300 written, 1 rejected");
      assertThat(countParquetRows(s3, dir, "lake/processed/online_retail/")).isEqualTo(300);
      assertThat(s3.listObjectsV2(b -> b.bucket("jar").prefix("lake/rejected/")).contents()).isNotEmpty();
    }
  }

  private static long countParquetRows(S3Client s3, Path dir, String prefix) throws Exception {
    Path local = Files.createDirectories(dir.resolve("down"));
    int n = 0;
    for (S3Object o : s3.listObjectsV2(b -> b.bucket("jar").prefix(prefix)).contents()) {
      if (o.key().endsWith(".parquet")) {
        s3.getObject(b -> b.bucket("jar").key(o.key()), local.resolve(n++ + ".parquet"));
      }
    }
    assertThat(n).as("Parquet files under s3://jar/" + prefix).isPositive();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + local + "/*.parquet')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Path jar() {
    Assumptions.assumeTrue(System.getProperty("handler.jar") != null,
        "runs after package (surefire's handler-jar execution), when lambda-s3's jar exists");
    Path jar = Path.of(System.getProperty("handler.jar"));
    assertThat(jar).as("lambda-s3's shaded jar (built in its package phase)").isRegularFile();
    return jar;
  }

  /** Where the repository's data is, as the benchmarks find it. */
  private static final class Settings {
    static Path data() {
      for (Path p : List.of(Path.of("data"), Path.of("../data"))) {
        if (Files.isDirectory(p.resolve("online_retail"))) {
          return p;
        }
      }
      throw new AssertionError("No data/online_retail here or in ..");
    }
  }
}
