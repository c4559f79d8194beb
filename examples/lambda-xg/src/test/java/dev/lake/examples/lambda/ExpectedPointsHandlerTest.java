package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.examples.S3Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled xG handler in process against s3proxy; both tables read back with DuckDB. */
class ExpectedPointsHandlerTest {
  /** A comma not inside double quotes (the ppda columns hold quoted {'att': 307, 'def': 14}). */
  static final String OUTSIDE_QUOTES = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
  static final Path UNDERSTAT = S3Stage.DATA.resolve("epl_2020_21_xg/understat");
  static S3Stage s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Stage.start("football");
    s3.uploadTree(UNDERSTAT, "data/epl_2020_21_xg/understat/");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void handle_scheduled_writesMatchesAndSeasonMatchingTheCsvFiles() throws Exception {
    ExpectedPointsHandler handler = new ExpectedPointsHandler(s3.settings("s3://football/lake",
        "s3://football/data/"));

    String summary = handler.handleRequest(new ScheduledEvent(), null);

    long[] facts = facts();
    assertThat(summary).contains(String.format("%,d written, 0 rejected", facts[0]))
        .contains("team_season: " + facts[2] + " teams");
    Path matches = s3.download("lake/processed/team_matches/", Files.createTempDirectory(dir, "m"));
    Path season = s3.download("lake/processed/team_season/", Files.createTempDirectory(dir, "s"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM read_parquet('" + matches + "/**/*.parquet')), "
             + "(SELECT sum(points) FROM read_parquet('" + season + "/**/*.parquet')), "
             + "(SELECT count(*) FROM read_parquet('" + season + "/**/*.parquet'))")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(facts[0]);
      assertThat(rs.getLong(2)).isEqualTo(facts[1]);
      assertThat(rs.getLong(3)).isEqualTo(facts[2]);
    }
    assertThat(s3.keys("lake/")).as("every object the handler wrote is one its IAM policy lets it write")
        .isNotEmpty().allMatch(k -> handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED,
            ExpectedPointsHandler.FUNCTION_NAME)
            .allows("s3:PutObject", "arn:aws:s3:::football/" + k, S3Stage.putContext(k)));
  }

  @Test
  void handle_lakeFormatIceberg_writesBothTablesIntoTheCatalog_readBackFromTheirDataFiles() throws Exception {
    java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://football/lake-iceberg",
        "s3://football/data/"));
    env.put("LAKE_FORMAT", "iceberg");
    env.put("LAKE_ICEBERG_CATALOG", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    ExpectedPointsHandler handler = new ExpectedPointsHandler(dev.lake.examples.HandlerSettings.of(env));

    String summary = handler.handleRequest(new ScheduledEvent(), null);

    long[] facts = facts();
    assertThat(summary).contains(String.format("%,d written, 0 rejected", facts[0]))
        .contains("iceberg:xg.team_season");
    assertThat(s3.keys("lake-iceberg/processed/")).isEmpty();
    var catalog = dev.lake.sink.iceberg.IcebergCatalog.jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"),
        "s3://football/lake-iceberg/iceberg/");
    Path matches = icebergFiles(catalog.load("xg.team_matches"), Files.createTempDirectory(dir, "m"));
    Path season = icebergFiles(catalog.load("xg.team_season"), Files.createTempDirectory(dir, "s"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM read_parquet('" + matches + "/*.parquet')), "
             + "(SELECT sum(points) FROM read_parquet('" + season + "/*.parquet')), "
             + "(SELECT count(*) FROM read_parquet('" + season + "/*.parquet'))")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(facts[0]);
      assertThat(rs.getLong(2)).isEqualTo(facts[1]);
      assertThat(rs.getLong(3)).isEqualTo(facts[2]);
    }
  }

  @Test
  void settings_unknownLakeFormat_failsNamingTheVariableAndTheChoices() {
    java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://football/lake",
        "s3://football/data/"));
    env.put("LAKE_FORMAT", "orc");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpectedPointsHandler(
            dev.lake.examples.HandlerSettings.of(env)))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessage("Environment variable LAKE_FORMAT is 'orc': use parquet (Hive-style Parquet in the lake, the "
            + "default) or iceberg (Apache Iceberg tables)");
  }

  @Test
  void settings_icebergOnS3WithoutACatalog_failsNamingTheVariable() {
    java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://football/lake",
        "s3://football/data/"));
    env.put("LAKE_FORMAT", "iceberg");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpectedPointsHandler(
            dev.lake.examples.HandlerSettings.of(env)))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessageStartingWith("LAKE_FORMAT=iceberg: The Iceberg warehouse s3://football/lake/iceberg/ is not a "
            + "local directory")
        .hasMessageContaining("set LAKE_ICEBERG_CATALOG");
  }

  @Test
  void settings_icebergCatalogWithoutItsDriver_failsNamingTheFixWithoutThePassword() {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.sql.DriverManager.drivers()
        .noneMatch(d -> d.getClass().getName().startsWith("org.postgresql")), "PostgreSQL's driver is not here");
    java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://football/lake",
        "s3://football/data/"));
    env.put("LAKE_FORMAT", "iceberg");
    env.put("LAKE_ICEBERG_CATALOG", "jdbc:postgresql://db/catalog?password=secret");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpectedPointsHandler(
            dev.lake.examples.HandlerSettings.of(env)))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessageStartingWith("LAKE_ICEBERG_CATALOG jdbc:postgresql://db/catalog?…: no JDBC driver for it")
        .hasMessageNotContaining("secret");
  }

  /** The data files of the table's current snapshot (no delete files: written by overwrite), downloaded to dir. */
  private static Path icebergFiles(org.apache.iceberg.Table table, Path dir) throws IOException {
    try (var tasks = table.newScan().planFiles()) {
      for (var task : tasks) {
        assertThat(task.deletes()).isEmpty();
        String key = task.file().location().replaceFirst("^s3://football/", "");
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path folder = s3.download(key.substring(0, key.length() - name.length()), Files.createTempDirectory(dir, "f"));
        Files.move(folder.resolve(name), dir.resolve(java.util.UUID.randomUUID() + ".parquet"));
      }
    }
    return dir;
  }

  /** [match rows, total points, clubs] from the CSV files, read as plain text. */
  static long[] facts() throws IOException {
    long rows = 0;
    long points = 0;
    long clubs = 0;
    try (Stream<Path> files = Files.list(UNDERSTAT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        List<String> lines = Files.readAllLines(f);
        int pts = Arrays.asList(lines.get(0).split(",")).indexOf("pts");
        clubs++;
        for (String line : lines.subList(1, lines.size())) {
          if (!line.isBlank()) {
            rows++;
            points += Long.parseLong(line.split(OUTSIDE_QUOTES)[pts]);
          }
        }
      }
    }
    return new long[] {rows, points, clubs};
  }
}
