package dev.lake.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves Parquet is written and read with no Hadoop jar at run time. Maven puts {@code provided} dependencies
 * (hadoop-client-api) on the test classpath, so the proof runs in a child JVM whose classpath is lake-core's runtime
 * classpath (written by maven-dependency-plugin to {@code target/runtime-classpath.txt}) plus its own classes.
 */
class ParquetWithoutHadoopTest {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void runtimeClasspath_listsLakeCoreDependencies_namesNoHadoopJar() throws IOException {
    List<String> entries = runtimeClasspath();

    assertThat(entries).anyMatch(e -> e.contains("parquet-avro"));
    assertThat(entries).noneMatch(e -> e.replace('\\', '/').contains("/org/apache/hadoop/")
        || Path.of(e).getFileName().toString().startsWith("hadoop-"));
  }

  @Test
  void childJvm_runtimeClasspathOnly_writesAndReadsSnappyAndZstdParquet() throws Exception {
    List<String> classpath = new ArrayList<>(runtimeClasspath());
    classpath.add(TARGET.resolve("classes").toString());
    classpath.add(TARGET.resolve("test-classes").toString());
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path log = dir.resolve("child.log");

    Process child = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classpath),
        HadoopFreeParquetMain.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = child.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = Files.readString(log);

    assertThat(finished).as("child JVM finished within 120 s; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("child exit code; output:%n%s", output).isZero();
    assertThat(output).contains("no Hadoop on the classpath", "Lake's dictionary writer available",
        "read back 2 rows from SNAPPY",
        "read back 2 rows from ZSTD");
  }

  private static List<String> runtimeClasspath() throws IOException {
    Path file = TARGET.resolve("runtime-classpath.txt");
    assertThat(file).as("written by maven-dependency-plugin in generate-test-resources").exists();
    return Arrays.stream(Files.readString(file).strip().split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
  }
}
