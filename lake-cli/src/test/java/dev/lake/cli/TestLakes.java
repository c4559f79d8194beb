package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.LakeExamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Real lakes written by the examples, built once per test JVM and shared by the test classes, and a way to run the
 * command line in-process and capture what it prints.
 */
final class TestLakes {
  static final Path DATA = Path.of(System.getProperty("lake.data", "../data")).toAbsolutePath().normalize();
  private static Path small;
  private static Path ecommerce;

  private TestLakes() {}

  /** The xg and sparkify examples' lake (about 5 s to build). */
  static synchronized Path small() {
    if (small == null) {
      small = temp("lake-cli-small-");
      assertThat(LakeExamples.run("xg", "--lake", small.toString(), "--data", DATA.toString())).isZero();
      assertThat(LakeExamples.run("sparkify", "--lake", small.toString(), "--data", DATA.toString())).isZero();
    }
    return small;
  }

  /** The Online Retail example's lake (about 10 s to build). */
  static synchronized Path ecommerce() {
    if (ecommerce == null) {
      ecommerce = temp("lake-cli-ecommerce-");
      assertThat(LakeExamples.run("ecommerce", "--lake", ecommerce.toString(), "--data", DATA.toString())).isZero();
    }
    return ecommerce;
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
