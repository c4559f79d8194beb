package dev.lake.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkifyInputTest {

  private static Path data() {
    for (Path p : List.of(Path.of("data"), Path.of("../data"))) {
      if (Files.isDirectory(p.resolve("sparkify/song_data"))) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException("no data/sparkify here or in ..");
  }

  @Test
  void generatesTheAskedSongFilesOverTheAskedPartitions_readableByDuckDb(@TempDir Path target) throws Exception {
    Path data = data();
    Path root = SparkifyInput.songs(data, target, 600, 450);

    try (Stream<Path> s = Files.walk(root.resolve("sparkify/song_data"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(600);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String songs = "read_json('" + root.resolve("sparkify/song_data") + "/**/*.json', format = 'auto', "
          + SparkifyBenchmark.SONG_COLUMNS + ")";
      String bundled = "read_json('" + data.resolve("sparkify/song_data") + "/**/*.json', format = 'auto', "
          + SparkifyBenchmark.SONG_COLUMNS + ")";
      assertThat(count(st, "SELECT count(DISTINCT song_id) FROM " + songs)).isEqualTo(600);
      long bundledPartitions = count(st, "SELECT count(*) FROM (SELECT DISTINCT year, artist_id FROM " + bundled + ")");
      long partitions = count(st, "SELECT count(*) FROM (SELECT DISTINCT year, artist_id FROM " + songs + ")");
      assertThat(partitions - bundledPartitions).isEqualTo(450);
      assertThat(count(st, "SELECT count(*) FROM " + songs + " WHERE year = 0")).isBetween(200L, 400L);
    }
    assertThat(Files.readString(root.resolve(".complete"))).contains("generated songs");
  }

  @Test
  void sameArgumentsGiveTheSameFiles(@TempDir Path a, @TempDir Path b) throws Exception {
    Path one = SparkifyInput.songs(data(), a, 200, 150);
    Path two = SparkifyInput.songs(data(), b, 200, 150);
    try (Stream<Path> s = Files.walk(one.resolve("sparkify/song_data"))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Path other = two.resolve(one.relativize(f).toString());
        assertThat(Files.mismatch(f, other)).as(f.toString()).isEqualTo(-1L);
      }
    }
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
