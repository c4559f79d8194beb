package dev.lake.io;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for an AWS service written for Node.js (dynalite for DynamoDB, kinesalite for Kinesis), started
 * as a child process on a free loopback port, for tests and offline examples. Connectors wrap it (see
 * {@code Dynalite}, {@code Kinesalite}); the build installs the npm package from a committed lock file.
 *
 * <pre>{@code
 * try (LocalNodeService s = LocalNodeService.start("dynalite", "dynalite.cli", "DYNALITE_CLI",
 *     List.of("node_modules/dynalite/cli.js"), List.of("--createTableMs", "0"))) {
 *   URI endpoint = s.endpoint();
 * }
 * }</pre>
 */
public final class LocalNodeService implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final Process process;
  private final int port;

  private LocalNodeService(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code node <cli.js> --port N <args>} and waits until the port answers.
   *
   * @param name the service's name, for messages and the log file
   * @param cliProperty a system property that may name the {@code cli.js} to run
   * @param cliEnv an environment variable that may name it
   * @param candidates where the build installs it, relative to the working directory, tried in order
   * @param args arguments after {@code --port N}
   */
  public static LocalNodeService start(String name, String cliProperty, String cliEnv, List<String> candidates,
      List<String> args) throws IOException {
    Path cli = find(name, cliProperty, cliEnv, candidates);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile(name + "-", ".log");
    List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--port", Integer.toString(port)));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException(name + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new LocalNodeService(p, port);
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    p.destroyForcibly();
    throw new IOException(name + " did not answer on port " + port + " within " + STARTUP.toSeconds() + " s: "
        + Files.readString(log));
  }

  private static Path find(String name, String cliProperty, String cliEnv, List<String> candidates)
      throws IOException {
    String configured = System.getProperty(cliProperty, System.getenv(cliEnv));
    List<String> tried = configured != null ? List.of(configured) : candidates;
    for (String c : tried) {
      if (new File(c).isFile()) {
        return Path.of(c).toAbsolutePath();
      }
    }
    throw new IOException(name + " is not installed at " + tried + ": run `npm ci` where the build installs it "
        + "(the Maven build does it), set -D" + cliProperty + "=<path to cli.js>, or point at a real endpoint instead");
  }

  /** The port it listens on (loopback). */
  public int port() {
    return port;
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops the process (forcibly after 5 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
