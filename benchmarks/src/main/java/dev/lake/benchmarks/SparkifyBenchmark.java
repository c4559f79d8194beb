package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Clock;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.sparkify.Sparkify;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sparkify song files and event logs to the five star-schema tables as partitioned Snappy Parquet: Lake's example
 * pipelines ({@link Sparkify#pipelines}, building them included: they load the lookups) against DuckDB SQL that
 * writes the same five tables with the same partitioning. Each run's rows per table go to {@code extra}, and the two
 * must agree (checked on every run), so both did the same work. DuckDB reads the JSON with its columns given
 * ({@code auto_detect = false}, the types of Lake's {@code Song} and {@code LogEvent} records), as Lake's records
 * give them, rather than sampling the files to detect a schema.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only sparkify,sparkify-15k"
 * }</pre>
 *
 * <p>{@code sparkify-15k} runs the same on {@link SparkifyInput}'s 15,000 song files, whose {@code songs} table has
 * about 12,600 partition directories: the cost of many small files.
 */
final class SparkifyBenchmark implements Benchmark {
  /** Many small partitions: 15,000 song files over about 12,600 (year, artist) partitions of {@code songs}. */
  static final int MANY_SONG_FILES = 15_000;
  static final int MANY_PARTITIONS = 12_600;

  private final boolean manySongs;

  /** The bundled files, or with {@code manySongs} the generated {@link SparkifyInput} of 15,000 song files. */
  SparkifyBenchmark(boolean manySongs) {
    this.manySongs = manySongs;
  }

  @Override
  public String name() {
    return manySongs ? "sparkify-15k" : "sparkify";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    Map<String, Long> lakeRows = new LinkedHashMap<>();
    Map<String, Long> duckRows = new LinkedHashMap<>();
    int tenth = s.quick() ? 10 : 1;
    Path data = manySongs
        ? SparkifyInput.songs(s.data(), s.target(), MANY_SONG_FILES / tenth, MANY_PARTITIONS / tenth) : s.data();
    String what = manySongs
        ? String.format("Sparkify with %,d song files over %,d generated (year, artist) partitions",
            MANY_SONG_FILES / tenth, MANY_PARTITIONS / tenth)
        : "Sparkify JSON";
    h.compare(Comparison.of(name(), what + " -> songs, artists, users, time, songplays (partitioned Parquet)")
        .variant("lake", (clock, dir) -> {
          lakeRows.clear();
          for (Pipeline<?> p : Sparkify.pipelines(data.toUri(), Lake.at(dir.toString()))) {
            lakeRows.put(p.name().replace("sparkify-", ""), p.run().rowsWritten());
          }
          clock.stop();
          return outcome(lakeRows, dir);
        })
        .variant("duckdb", (clock, dir) -> {
          duckDb(data, dir, clock, duckRows);
          if (!duckRows.equals(lakeRows)) {
            throw new IllegalStateException("DuckDB wrote " + duckRows + " but Lake " + lakeRows);
          }
          return outcome(duckRows, dir);
        })
        .warmups(s.warmups(manySongs ? 1 : 2, 1))
        .runs(s.runs(manySongs ? 3 : 7, 1)));
  }

  private static Outcome outcome(Map<String, Long> rows, Path dir) throws java.io.IOException {
    return Outcome.rows(rows.values().stream().mapToLong(Long::longValue).sum())
        .withBytes(OnlineRetailInput.bytesUnder(dir))
        .withExtra(rows.toString().replace(", ", " ").replaceAll("[{}]", ""));
  }

  /** The song files' columns as Lake's {@code Song} record has them. */
  static final String SONG_COLUMNS = "auto_detect = false, columns = {'num_songs': 'INTEGER', 'artist_id': 'VARCHAR', "
      + "'artist_latitude': 'DOUBLE', 'artist_longitude': 'DOUBLE', 'artist_location': 'VARCHAR', "
      + "'artist_name': 'VARCHAR', 'song_id': 'VARCHAR', 'title': 'VARCHAR', 'duration': 'DOUBLE', 'year': 'INTEGER'}";

  /** The event logs' columns as Lake's {@code LogEvent} record has them. */
  static final String LOG_COLUMNS = "auto_detect = false, columns = {'artist': 'VARCHAR', 'auth': 'VARCHAR', "
      + "'firstName': 'VARCHAR', 'gender': 'VARCHAR', 'itemInSession': 'INTEGER', 'lastName': 'VARCHAR', "
      + "'length': 'DOUBLE', 'level': 'VARCHAR', 'location': 'VARCHAR', 'method': 'VARCHAR', 'page': 'VARCHAR', "
      + "'registration': 'DOUBLE', 'sessionId': 'BIGINT', 'song': 'VARCHAR', 'status': 'INTEGER', 'ts': 'BIGINT', "
      + "'userAgent': 'VARCHAR', 'userId': 'VARCHAR'}";

  /** The five tables in DuckDB SQL; the clock covers the SQL only. Fills {@code rows} per table. */
  static void duckDb(Path data, Path out, Clock clock, Map<String, Long> rows) throws Exception {
    rows.clear();
    String songFiles = data.resolve("sparkify/song_data") + "/**/*.json";
    String logFiles = data.resolve("sparkify/log_data") + "/**/*.json";
    String parquet = "FORMAT parquet, COMPRESSION snappy";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
      clock.restart();
      st.execute("CREATE TEMP TABLE song_src AS SELECT * FROM read_json('" + songFiles + "', format = 'auto', "
          + SONG_COLUMNS + ")");
      st.execute("CREATE TEMP TABLE plays AS SELECT * FROM read_json('" + logFiles + "', format = 'newline_delimited', "
          + LOG_COLUMNS + ") WHERE page = 'NextSong'");
      rows.put("songs", copy(st, "SELECT DISTINCT ON (song_id) song_id, title, artist_id, year, duration "
          + "FROM song_src", out.resolve("processed/songs"), parquet + ", PARTITION_BY (year, artist_id)"));
      rows.put("artists", copy(st, "SELECT DISTINCT ON (artist_id) artist_id, artist_name AS name, "
          + "artist_location AS location, artist_latitude AS latitude, artist_longitude AS longitude FROM song_src",
          out.resolve("processed/artists/part-0.parquet"), parquet));
      rows.put("users", copy(st, "SELECT user_id, first_name, last_name, gender, level FROM ("
          + "SELECT CAST(userId AS BIGINT) AS user_id, firstName AS first_name, lastName AS last_name, gender, "
          + "level, row_number() OVER (PARTITION BY userId ORDER BY ts DESC, sessionId DESC, itemInSession DESC) "
          + "AS latest FROM plays) WHERE latest = 1", out.resolve("processed/users/part-0.parquet"), parquet));
      rows.put("time", copy(st, "SELECT start_time, hour(start_time) AS hour, day(start_time) AS day, "
          + "weekofyear(start_time) AS week, month(start_time) AS month, year(start_time) AS year, "
          + "isodow(start_time) AS weekday FROM (SELECT DISTINCT epoch_ms(ts) AS start_time FROM plays)",
          out.resolve("processed/time"), parquet + ", PARTITION_BY (year, month)"));
      rows.put("songplays", copy(st, "SELECT p.sessionId || '-' || p.itemInSession || '-' || p.ts AS songplay_id, "
          + "epoch_ms(p.ts) AS start_time, CAST(p.userId AS BIGINT) AS user_id, p.level, s.song_id, s.artist_id, "
          + "p.sessionId AS session_id, p.location, p.userAgent AS user_agent, year(epoch_ms(p.ts)) AS year, "
          + "month(epoch_ms(p.ts)) AS month FROM plays p LEFT JOIN (SELECT DISTINCT ON (title, artist_name, "
          + "duration) title, artist_name, duration, song_id, artist_id FROM song_src) s ON p.song = s.title AND "
          + "p.artist = s.artist_name AND p.length = s.duration", out.resolve("processed/songplays"),
          parquet + ", PARTITION_BY (year, month)"));
      clock.stop();
    }
  }

  private static long copy(Statement st, String select, Path to, String options) throws Exception {
    java.nio.file.Files.createDirectories(to.getParent());
    return DuckDb.copy(st, "COPY (" + select + ") TO '" + to + "' (" + options + ")");
  }
}
