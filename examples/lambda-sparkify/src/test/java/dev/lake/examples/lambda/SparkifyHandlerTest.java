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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled Sparkify handler in process against s3proxy; the tables read back with DuckDB. */
class SparkifyHandlerTest {
  static final Path SPARKIFY = S3Stage.DATA.resolve("sparkify");
  static S3Stage s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Stage.start("music");
    s3.uploadTree(SPARKIFY, "data/sparkify/");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void handle_scheduledTwice_writesTheStarSchemaOnceFromTheFilesOnS3() throws Exception {
    SparkifyHandler handler = new SparkifyHandler(s3.settings("s3://music/lake", "s3://music/data"));

    String first = handler.handleRequest(new ScheduledEvent(), null);
    handler.handleRequest(new ScheduledEvent(), null);

    assertThat(first.lines()).hasSize(5).allMatch(l -> l.contains(" 0 rejected"));
    assertThat(count("songplays")).isEqualTo(nextSongEvents());
    assertThat(count("songs")).isEqualTo(distinct("song_id"));
    assertThat(count("artists")).isEqualTo(distinct("artist_id"));
    assertThat(s3.keys("lake/")).as("every object the handler wrote is one its IAM policy lets it write")
        .isNotEmpty().allMatch(k -> handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED,
            SparkifyHandler.FUNCTION_NAME).allows("s3:PutObject", "arn:aws:s3:::music/" + k,
            S3Stage.putContext(k)));
  }

  private long count(String table) throws Exception {
    Path local = s3.download("lake/processed/" + table + "/", Files.createTempDirectory(dir, table));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + local + "/**/*.parquet')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** NextSong events in the logs, counted with a pattern (not with Lake's JSON source). */
  static long nextSongEvents() throws IOException {
    try (Stream<Path> files = Files.walk(SPARKIFY.resolve("log_data"))) {
      long n = 0;
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        n += Files.readAllLines(f).stream().filter(l -> l.contains("\"page\":\"NextSong\"")).count();
      }
      return n;
    }
  }

  /** Distinct values of a field over the song files. */
  static long distinct(String field) throws IOException {
    Pattern value = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"");
    Set<String> seen = new HashSet<>();
    try (Stream<Path> files = Files.walk(SPARKIFY.resolve("song_data"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Matcher m = value.matcher(Files.readString(f));
        if (m.find()) {
          seen.add(m.group(1));
        }
      }
    }
    return seen.size();
  }
}
