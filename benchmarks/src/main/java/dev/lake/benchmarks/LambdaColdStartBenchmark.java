package dev.lake.benchmarks;

import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Clock;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.benchmarks.lambda.ColdStart;
import dev.lake.benchmarks.lambda.CsvToParquetHandler;
import dev.lake.testing.S3ProxyServer;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 CSV→Parquet Lambda handler: its shaded jar's size, and its cold start — a fresh JVM to the first record
 * written (one day of Online Retail, an S3 event for it, the Parquet committed to s3proxy running in this JVM) —
 * under JVM flag sets, interleaved, median of 10. The time runs from just before the child is spawned to the moment
 * it reports the handler returned (its JVM exit is not counted); JVM boot (spawn to the JVM's own start time) and the
 * CPU time the child used until then (less sensitive to other load than the wall time) go to {@code extra}.
 * Credentials, region and endpoint reach the child through the environment, as on Lambda.
 *
 * <p>The measured handler is {@link CsvToParquetHandler} in
 * {@code benchmarks/lambda-s3/target/lake-s3-csv-handler.jar};
 * {@code --lambda-jar FILE --lambda-main CLASS} measures another shaded jar instead (any
 * {@code RequestHandler<S3Event, ?>}, driven by {@link ColdStart}, which is put on the classpath after that jar).
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only lambda"
 * }</pre>
 */
final class LambdaColdStartBenchmark implements Benchmark {
  private static final String KEY = "AKIACOLDSTART0000001";
  private static final String SECRET = "coldStartSecret0123456789";
  private static final String BUCKET = "bench";
  private static final Pattern DONE = Pattern.compile(
      "first-record-written-at-epoch-ms=(\\d+) jvm-start-epoch-ms=(\\d+)(?: cpu-ms=(\\d+))?");

  @Override
  public String name() {
    return "lambda";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    if (s.lambdaJar() != null && s.lambdaMain() == null) {
      throw new IllegalArgumentException("--lambda-jar " + s.lambdaJar() + " needs --lambda-main <handler class>, "
          + "a RequestHandler<S3Event, ?> in that jar");
    }
    Path jar = s.lambdaJar() != null ? s.lambdaJar() : defaultJar();
    String handler = s.lambdaMain() != null ? s.lambdaMain() : CsvToParquetHandler.class.getName();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No handler jar at " + jar + "; build it with mvn -pl benchmarks -am package");
    }
    String classpath = s.lambdaJar() == null ? jar.toString() : jar + File.pathSeparator + driverLocation();
    h.record("lambda-jar", jar.getFileName().toString(), 0, Outcome.rows(0).withBytes(Files.size(jar))
        .withExtra(String.format(Locale.ROOT, "size_mb=%.1f", Files.size(jar) / 1048576.0)));

    Path dir = Files.createTempDirectory(Files.createDirectories(s.work()), "lambda-");
    S3ProxyServer proxy = S3ProxyServer.startOnDisk(Files.createDirectories(dir.resolve("s3")), KEY, SECRET);
    URI endpoint = proxy.endpoint();
    try (S3Client s3 = proxy.client()) {
      s3.createBucket(b -> b.bucket(BUCKET));
      String key = "in/2010-12-01.csv.gz";
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(
          s.data().resolve("online_retail/by-day/2010-12-01.csv.gz")));
      Path archive = dir.resolve("handler.jsa");
      List<String> command = List.of("-cp", classpath, ColdStart.class.getName(), handler, BUCKET, key);
      // AppCDS: one untimed run that dumps the classes it loaded, reused by the appcds variants
      Child.run(List.of("-XX:ArchiveClassesAtExit=" + archive), command, endpoint, dir, 0);
      Comparison c = Comparison.of(name(), "cold start of " + jar.getFileName() + " (" + handler.replaceAll(".*\\.",
          "") + "): fresh JVM -> first record written to s3proxy");
      int[] lakeRoot = {0};
      Map<String, List<String>> flagSets = flagSets(archive);
      if (!s.lambdaFlags().isEmpty()) {
        List<String> custom = new ArrayList<>(flagSets.get("tiered-c1+serial-gc"));
        custom.addAll(s.lambdaFlags());
        flagSets.put("tiered-c1+serial-gc+custom", custom);
      }
      if (s.lambdaProfile() != null) {
        profile(s.lambdaProfile(), flagSets, command, endpoint, dir);
      }
      for (Map.Entry<String, List<String>> flags : flagSets.entrySet()) {
        c.variant(flags.getKey(), (clock, work) -> Child.run(flags.getValue(), command, endpoint, work,
            ++lakeRoot[0]).report(clock));
      }
      h.compare(c.warmups(s.warmups(1, 0)).runs(s.runs(10, 3)));
    } finally {
      proxy.close();
      Harness.delete(dir);
    }
  }

  /**
   * One untimed cold start per flag set with {@code -Xlog:class+load} ({@code <set>-classes.txt}), printing the
   * classes loaded by top-level package; the JVM-defaults one is also recorded by JFR ({@code cold-start.jfr},
   * profile settings).
   */
  private static void profile(Path out, Map<String, List<String>> flagSets, List<String> command, URI endpoint,
      Path dir) throws Exception {
    Files.createDirectories(out);
    int n = 900;
    for (Map.Entry<String, List<String>> set : flagSets.entrySet()) {
      Path classes = out.resolve(set.getKey() + "-classes.txt");
      List<String> flags = new ArrayList<>(set.getValue());
      flags.add("-Xlog:class+load=info:file=" + classes);
      if (n == 900) {
        flags.add("-XX:StartFlightRecording=filename=" + out.resolve("cold-start.jfr") + ",settings=profile");
      }
      Child c = Child.run(flags, command, endpoint, dir, n++);
      Map<String, Long> byPackage = new java.util.TreeMap<>();
      for (String line : Files.readAllLines(classes)) {
        String[] parts = line.split(" ");
        if (parts.length > 1) {
          String[] name = parts[1].split("\\.");
          byPackage.merge(name.length > 3 ? name[0] + "." + name[1] + "." + name[2] : parts[1], 1L, Long::sum);
        }
      }
      System.out.printf("profiled cold start, %s: %d ms; %,d classes loaded (log in %s)%n", set.getKey(),
          c.doneMs() - c.spawnedMs(), byPackage.values().stream().mapToLong(Long::longValue).sum(), classes);
      byPackage.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
          .forEach(e -> System.out.printf("  %,6d %s%n", e.getValue(), e.getKey()));
    }
  }

  /** The JVM flag sets compared; the first is the JVM's defaults. */
  static Map<String, List<String>> flagSets(Path archive) {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    m.put("jvm-defaults", List.of());
    m.put("tiered-c1", List.of("-XX:TieredStopAtLevel=1"));
    m.put("tiered-c1+serial-gc", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    m.put("tiered-c1+appcds", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:SharedArchiveFile=" + archive));
    return m;
  }

  private static Path defaultJar() {
    for (Path p : List.of(Path.of("lambda-s3/target/lake-s3-csv-handler.jar"),
        Path.of("benchmarks/lambda-s3/target/lake-s3-csv-handler.jar"))) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath();
      }
    }
    return Path.of("lambda-s3/target/lake-s3-csv-handler.jar").toAbsolutePath();
  }

  private static String driverLocation() throws Exception {
    return Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** One child JVM's cold start. */
  private record Child(long spawnedMs, long doneMs, long jvmStartMs, String cpuMs, String output) {

    static Child run(List<String> jvmFlags, List<String> command, URI endpoint, Path work, int n) throws Exception {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(jvmFlags);
      cmd.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(work.resolve("child-" + n + ".log").toFile());
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.environment().putAll(Map.of("LAKE_S3_ENDPOINT", endpoint.toString(), "AWS_REGION", "us-east-1",
          "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET, "LAKE_ROOT", "s3://" + BUCKET + "/lake-" + n));
      long spawned = System.currentTimeMillis();
      Process p = pb.start();
      int exit = p.waitFor();
      String out = Files.readString(work.resolve("child-" + n + ".log"));
      Matcher m = DONE.matcher(out);
      if (exit != 0 || !m.find()) {
        throw new IllegalStateException("The cold start run " + cmd + " exited with " + exit + ":\n" + out);
      }
      return new Child(spawned, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3), out);
    }

    Outcome report(Clock clock) {
      clock.set((doneMs - spawnedMs) / 1000.0);
      String summary = output.substring(output.indexOf('\n') + 1).strip();
      Matcher rows = Pattern.compile("([\\d,]+) written").matcher(summary);
      return Outcome.rows(0).withExtra("jvm_boot_ms=" + (jvmStartMs - spawnedMs)
          + (cpuMs == null ? "" : ";cpu_ms=" + cpuMs)
          + (rows.find() ? ";rows_written=" + rows.group(1).replace(",", "") : ""));
    }
  }
}
