package dev.lake.it.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a shell command as a user would, in a working directory, with the checkout's {@code bin/} first on the PATH
 * and the JVMs held to 2 processors (the README's figures: the runner's workers follow the cores); output and errors
 * merged, as a terminal shows them. For the tests that run after {@code package} ({@code *JarTest}): this module's
 * pom builds lake-cli and the examples first, so that {@code lake.jar} and {@code lake-examples.jar} exist.
 *
 * <pre>{@code
 * JarRuns.Run r = JarRuns.sh(work, Map.of(), "lake ls ./lake");
 * }</pre>
 */
final class JarRuns {
  /** The checkout: set by the pom for the integration-test phase. */
  static final Path REPO = Path.of(System.getProperty("lake.repo", "..")).toAbsolutePath().normalize();
  private static final String JAVA_NOTE = "NOTE: Picked up JDK_JAVA_OPTIONS:";

  private JarRuns() {}

  /** A new temporary directory, deleted (best effort) when the JVM ends. */
  static Path temp(String prefix) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort at exit
      }
    }));
    return dir;
  }

  /** What a command printed (stdout and stderr, merged) and its exit status. */
  record Run(int status, List<String> lines) {
    String text() {
      return String.join("\n", lines);
    }
  }

  static Run sh(Path dir, Map<String, String> env, String command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", REPO.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("JDK_JAVA_OPTIONS", "-XX:ActiveProcessorCount=2");
    pb.environment().remove("LAKE_ROOT");
    pb.environment().remove("LAKE_JAR");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes(); // until the process closes its output: no timing involved
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("Still running after 10 minutes: " + command);
    }
    List<String> lines = new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith(JAVA_NOTE))
        .toList();
    return new Run(p.exitValue(), lines);
  }
}
