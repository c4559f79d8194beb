package dev.lake.sink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kinesalite started by a JVM whose working directory is outside the repository (found from the classes' location,
 * as the build installed it), and ended with that JVM: on SIGTERM by the shutdown hook, on SIGKILL by node itself
 * when its stdin from the dead JVM closes.
 */
class KinesaliteLifecycleTest {
  @TempDir
  Path elsewhere;

  @ParameterizedTest(name = "parent ended with {0}")
  @ValueSource(strings = {"SIGTERM", "SIGKILL"})
  void start_fromAnotherDirectory_nodeEndsWithItsParent(String signal) throws Exception {
    String cp = Optional.ofNullable(System.getProperty("surefire.test.class.path")).filter(s -> !s.isBlank())
        .orElse(System.getProperty("java.class.path"));
    Process parent = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", cp, KinesaliteChild.class.getName())).directory(elsewhere.toFile())
        .redirectErrorStream(true).start();
    long nodePid;
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("pid ")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the child's output: %s", seen).isNotNull();
      nodePid = Long.parseLong(line.substring(4).trim());
      ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow();
      assertThat(node.isAlive()).isTrue();
      assertThat(node.parent().map(ProcessHandle::pid)).contains(parent.pid());

      if (signal.equals("SIGTERM")) {
        parent.destroy();
      } else {
        parent.destroyForcibly();
      }
      parent.waitFor();

      // the outcome does not depend on timing: a node left running fails after a minute
      node.onExit().get(60, TimeUnit.SECONDS);
      assertThat(node.isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }
}
