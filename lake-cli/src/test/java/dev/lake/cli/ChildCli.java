package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a child JVM on the test class path with a small heap, counting what it writes to stdout as
 * it arrives (the test keeps no more of it than the child may): a command whose memory grew with the data it reads
 * runs out of heap there.
 *
 * <pre>{@code
 * ChildCli.Output out = ChildCli.lake("query", "--lake", root.toString(), "--format", "csv", sql);
 * }</pre>
 */
final class ChildCli {
  /** The child's heap. */
  static final long HEAP = 48L << 20;

  private ChildCli() {}

  /** What the child wrote to stdout: its size, its newlines, its first and last lines. */
  record Output(long bytes, long newlines, String head, String tail, String text) {}

  static Output lake(String... args) throws IOException, InterruptedException {
    String cp = Optional.ofNullable(System.getProperty("surefire.test.class.path")).filter(s -> !s.isBlank())
        .orElse(System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + (HEAP >> 20) + "m", "-XX:+UseSerialGC", "-cp", cp, LakeCli.class.getName()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("lake-child-cli-", ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    long bytes = 0;
    long newlines = 0;
    String head = null;
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    String tail = "";
    // counted as it arrives: the test keeps no more of the output than the child may
    try (InputStream in = p.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            newlines++;
            tail = line.toString(StandardCharsets.UTF_8);
            if (head == null) {
              head = tail;
            }
            line.reset();
          } else if (line.size() < 4096) {
            line.write(buffer[i]);
          }
        }
      }
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the child ended").isTrue();
    String errors = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    assertThat(p.exitValue()).as("exit status; stderr: %s", errors).isZero();
    String h = head == null ? "" : head.strip();
    return new Output(bytes, newlines, h, tail.strip(), newlines == 1 ? h + System.lineSeparator() : null);
  }
}
