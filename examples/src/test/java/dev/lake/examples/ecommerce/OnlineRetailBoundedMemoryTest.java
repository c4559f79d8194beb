package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "memory does not grow with the input: the Online Retail conversion runs in a 64 MB heap": the whole
 * conversion (305 gzip files, 541,909 rows) in a child JVM started with {@code -Xmx64m}, nothing else in it. An
 * OutOfMemoryError makes the child exit non-zero; the rows are counted by DuckDB over the Parquet files.
 */
class OnlineRetailBoundedMemoryTest {
  static final String HEAP = "-Xmx64m";

  @TempDir
  Path dir;

  /** The child: only the conversion. */
  public static final class Conversion {
    public static void main(String[] args) {
      PipelineResult r = OnlineRetail.pipeline(Path.of(args[0]).toUri(), Lake.at(Path.of(args[1]).toUri())).run();
      System.out.println("written=" + r.rowsWritten());
    }
  }

  @Test
  void conversion_runsInA64MbHeap() throws Exception {
    String cp = Optional.ofNullable(System.getProperty("surefire.test.class.path")).filter(s -> !s.isBlank())
        .orElse(System.getProperty("java.class.path"));
    Path lake = dir.resolve("lake");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", cp, Conversion.class.getName(),
        OnlineRetailTest.DATA.toString(), lake.toString()));
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = child.waitFor();

    String output = Files.readString(log);
    assertThat(exit).as("the child with " + HEAP + " exited with " + exit + ":\n" + tail(output)).isZero();
    assertThat(output).contains("written=541909");
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/" + OnlineRetail.DATASET))))
          .isEqualTo(541_909L);
    }
  }

  private static String tail(String text) {
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }
}
