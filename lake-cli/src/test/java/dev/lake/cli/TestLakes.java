package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.cli.lakes.retail.OnlineRetail;
import dev.lake.cli.lakes.sparkify.Sparkify;
import dev.lake.cli.lakes.xg.ExpectedPoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Real lakes written by the tests' own copies of three example pipelines ({@code dev.lake.cli.lakes}: xg, Sparkify,
 * Online Retail) over the bundled data, built once per test JVM and shared by the test classes, and a way to run the
 * command line in-process and capture what it prints.
 */
final class TestLakes {
  static final Path DATA = Path.of(System.getProperty("lake.data", "../data")).toAbsolutePath().normalize();
  private static Path small;
  private static Path ecommerce;

  private TestLakes() {}

  /** The xg and Sparkify lake: team_matches, team_season and Sparkify's five tables (about 5 s to build). */
  static synchronized Path small() {
    if (small == null) {
      small = temp("lake-cli-small-");
      Lake lake = Lake.at(small.toString());
      xg(lake);
      sparkify(DATA, lake);
    }
    return small;
  }

  /** The Online Retail lake: processed/online_retail, by year and month (about 10 s to build). */
  static synchronized Path ecommerce() {
    if (ecommerce == null) {
      ecommerce = temp("lake-cli-ecommerce-");
      assertThat(OnlineRetail.pipeline(DATA.toUri(), Lake.at(ecommerce.toString())).run().reconciles()).isTrue();
    }
    return ecommerce;
  }

  /** team_matches and team_season from the Understat files into {@code lake}. */
  static void xg(Lake lake) {
    ExpectedPoints xg = new ExpectedPoints(DATA.toUri(), lake);
    assertThat(xg.teamMatches().run().reconciles()).isTrue();
    assertThat(xg.season()).hasSize(20);
  }

  /** Sparkify's five tables from {@code data}'s sparkify folder into {@code lake}. */
  static void sparkify(Path data, Lake lake) {
    for (Pipeline<?> p : Sparkify.pipelines(data.toUri(), lake)) {
      PipelineResult r = p.run();
      assertThat(r.reconciles()).as(r.summary()).isTrue();
    }
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
