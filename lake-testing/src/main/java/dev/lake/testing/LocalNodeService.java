package dev.lake.testing;

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
 * as a child process on a free loopback port. {@link Dynalite} and {@link Kinesalite} wrap it; the build installs
 * the npm package from a committed lock file. The package is found from any working directory (the candidates are
 * tried under the working directory, its parents, and the directories of the calling test's classes or jar and of
 * this class's), and the child ends with this JVM: {@link #close()} and a shutdown hook end its process tree, and
 * node exits by itself when its stdin from this JVM closes (after a SIGKILL).
 *
 * <pre>{@code
 * try (LocalNodeService s = LocalNodeService.start(MyTest.class, "dynalite", "dynalite.cli", "DYNALITE_CLI",
 *     List.of("node_modules/dynalite/cli.js"), List.of("--createTableMs", "0"))) {
 *   URI endpoint = s.endpoint();
 * }
 * }</pre>
 */
final class LocalNodeService implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private LocalNodeService(Process process, int port, Thread shutdownHook) {
    this.process = process;
    this.port = port;
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts {@code node <cli.js> --port N <args>} and waits until the port answers.
   *
   * @param caller the class that asked for the service (a test): the candidates are also tried under its location
   * @param name the service's name, for messages and the log file
   * @param cliProperty a system property that may name the {@code cli.js} to run
   * @param cliEnv an environment variable that may name it
   * @param candidates where the build installs it, relative to the working directory, tried in order
   * @param args arguments after {@code --port N}
   */
  static LocalNodeService start(Class<?> caller, String name, String cliProperty, String cliEnv,
      List<String> candidates, List<String> args) throws IOException {
    Path cli = find(name, cliProperty, cliEnv, candidates, roots(caller));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile(name + "-", ".log");
    // node runs the cli under a guard that exits when its stdin (a pipe from this JVM) closes: the child ends with
    // this JVM even when it is killed with SIGKILL and no shutdown hook runs; process.argv is as for `node cli.js`
    List<String> command = new ArrayList<>(List.of("node", "-e", GUARD, "--", cli.toString(), "--port",
        Integer.toString(port)));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Thread hook = new Thread(() -> destroyTree(p), name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        removeHook(hook);
        throw new IOException(name + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new LocalNodeService(p, port, hook);
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    destroyTree(p);
    removeHook(hook);
    throw new IOException(name + " did not answer on port " + port + " within " + STARTUP.toSeconds() + " s: "
        + Files.readString(log));
  }

  /**
   * Where the candidates are looked for: the working directory and its parents, then the directories holding the
   * caller's classes or jar and their parents (so a build's install is found from any working directory).
   */
  static List<Path> roots(Class<?> caller) {
    List<Path> out = new ArrayList<>();
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      out.add(d);
    }
    for (Class<?> c : List.of(caller, LocalNodeService.class)) {
      try {
        java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
        if (src != null && src.getLocation() != null && "file".equals(src.getLocation().getProtocol())) {
          for (Path d = Path.of(src.getLocation().toURI()).toAbsolutePath().getParent(); d != null; d = d.getParent()) {
            if (!out.contains(d)) {
              out.add(d);
            }
          }
        }
      } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
        // no usable location: the working directory's parents still count
      }
    }
    return out;
  }

  static Path find(String name, String cliProperty, String cliEnv, List<String> candidates, List<Path> roots)
      throws IOException {
    String configured = System.getProperty(cliProperty, System.getenv(cliEnv));
    if (configured != null) {
      if (new File(configured).isFile()) {
        return Path.of(configured).toAbsolutePath();
      }
      throw new IOException(name + " is not installed at " + configured + " (from -D" + cliProperty + " or "
          + cliEnv + "): point it at the package's cli.js");
    }
    for (Path root : roots) {
      for (String c : candidates) {
        Path at = root.resolve(c);
        if (Files.isRegularFile(at)) {
          return at.toAbsolutePath().normalize();
        }
      }
    }
    String last = candidates.get(candidates.size() - 1);
    String dir = last.substring(0, last.indexOf("node_modules/")).replaceAll("/$", "");
    throw new IOException(name + " is not installed: looked for " + candidates + " under " + roots.get(0)
        + ", its parents and the directories of the classes. Install it with `npm ci --prefix <repository>/" + dir
        + "` (the Maven build does it from the committed lock file; Node.js and npm must be on the PATH), set -D"
        + cliProperty + "=<path to cli.js> or " + cliEnv + ", or point at a real endpoint instead");
  }

  /**
   * Exits node when its stdin ends (this JVM is gone), then runs the cli given as the first argument, as
   * {@code node <cli> <args>} would.
   */
  static final String GUARD = "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>"
      + "process.exit(0));process.stdin.resume();require(process.argv[1]);";

  /** Ends the process and every process it started (children first). */
  static void destroyTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it ends the process
    }
  }

  /** The pid of the node process (tests check that it ends with this JVM). */
  long pid() {
    return process.pid();
  }

  /** The port it listens on (loopback). */
  int port() {
    return port;
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops the process and any it started (forcibly after 5 s). */
  @Override
  public void close() {
    destroyTree(process);
    removeHook(shutdownHook);
  }
}
