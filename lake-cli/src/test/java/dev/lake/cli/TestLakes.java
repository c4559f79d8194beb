package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.SchemaInference;
import dev.lake.WriteMode;
import dev.lake.source.files.CsvSource;
import dev.lake.source.files.JsonSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Real lakes written by the smallest pipelines that give the command line something to show, over the bundled data:
 * generic CSV and JSON sources with schemas inferred from the files ({@link SchemaInference}), one filter, one
 * aggregate ({@link TeamPoints}) and one partitioned import with typed columns ({@link RetailLake}). Built once per
 * test JVM and shared by the test classes; and a way to run the command line in-process and capture what it prints.
 */
final class TestLakes {
  static final Path DATA = Path.of(System.getProperty("lake.data", "../data")).toAbsolutePath().normalize();
  /** The pipelines {@link #small()} runs, one run each. */
  static final List<String> SMALL_PIPELINES = List.of("load-matches", "sum-points", "load-songs", "load-plays");
  private static Path small;
  private static Path ecommerce;

  private TestLakes() {}

  /**
   * The small lake: {@code matches} and {@code team_points} (Understat files), {@code songs} (partitioned by year
   * and artist_id: about one small file per partition) and {@code songplays} (the Sparkify logs' NextSong events).
   */
  static synchronized Path small() {
    if (small == null) {
      Path root = temp("lake-cli-small-");
      Lake lake = Lake.at(root.toString());
      matches(lake);
      sparkify(DATA, lake);
      small = root;
    }
    return small;
  }

  /** The Online Retail lake: processed/online_retail by year and month, written by two workers (small files). */
  static synchronized Path ecommerce() {
    if (ecommerce == null) {
      Path root = temp("lake-cli-ecommerce-");
      run(RetailLake.pipeline(DATA.toUri(), Lake.at(root.toString())).withParallelism(2));
      ecommerce = root;
    }
    return ecommerce;
  }

  /**
   * {@code matches}: every row of the Understat files as read, with the file it came from; {@code team_points}: the
   * points and expected points of each file's club, by an aggregate step over the same rows.
   */
  static void matches(Lake lake) {
    String files = DATA.toUri() + "epl_2020_21_xg/understat/understat_*.csv";
    Schema inferred = CsvSource.generic().from(files).schema();
    List<Schema.Field> fields = new ArrayList<>();
    inferred.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field("source_file", Schema.create(Schema.Type.STRING)));
    CsvSource<GenericRecord> understat = CsvSource.generic().from(files).withFileColumn("source_file")
        .withSchema(Schema.createRecord("Match", null, null, false, fields));
    run(Pipeline.from(understat).named("load-matches").to(lake.processed("matches").mode(WriteMode.OVERWRITE)));
    run(Pipeline.from(understat).named("sum-points")
        .aggregate("points-by-team", TeamPoints::club, TeamPoints.SUM, (club, sum) -> sum.named(club))
        .to(lake.processed("team_points").mode(WriteMode.OVERWRITE)));
  }

  /**
   * {@code songs}, partitioned by year and artist_id, and {@code songplays}, the NextSong events: the Sparkify files
   * under {@code data} read with schemas inferred from the bundled files (so a copy with broken lines reads the same
   * columns).
   */
  static void sparkify(Path data, Lake lake) {
    Schema song = inferJson("Song", DATA.resolve("sparkify/song_data"));
    Schema event = inferJson("Event", DATA.resolve("sparkify/log_data"));
    run(Pipeline.from(JsonSource.generic().withSchema(song).from(data.toUri() + "sparkify/song_data/**/*.json"))
        .named("load-songs")
        .to(lake.processed("songs").partitionBy("year", "artist_id").mode(WriteMode.OVERWRITE))
        .onBadRows(BadRowPolicy.toRejectedZone()));
    run(Pipeline.from(JsonSource.generic().withSchema(event).jsonLines()
            .from(data.toUri() + "sparkify/log_data/**/*.json"))
        .named("load-plays")
        .filter("song-plays", e -> "NextSong".equals(String.valueOf(e.get("page"))))
        .to(lake.processed("songplays").mode(WriteMode.OVERWRITE))
        .onBadRows(BadRowPolicy.toRejectedZone()));
  }

  /** A schema inferred from every JSON value of every {@code .json} file under {@code dir}. */
  static Schema inferJson(String name, Path dir) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> values = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(f.toFile())) {
          it.forEachRemaining(values::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SchemaInference.fromJson(name, values);
  }

  private static void run(Pipeline<?> pipeline) {
    PipelineResult r = pipeline.run();
    assertThat(r.reconciles()).as(r.summary()).isTrue();
  }

  static Path temp(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at exit
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** Runs {@code lake <args>} in-process. */
  static Result lake(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = LakeCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }

  /** What a command printed and its exit status. */
  record Result(int status, String out, String err) {
    Result ok() {
      assertThat(status).as("exit status; stderr: %s", err).isZero();
      return this;
    }
  }
}
