package dev.lake.examples;

import dev.lake.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An in-process S3 server (s3proxy, in memory) with one bucket, for the Lambda handler tests: upload the bundled
 * data, hand a handler {@link #settings}, download what it wrote.
 *
 * <pre>{@code
 * try (S3Stage s3 = S3Stage.start("shop")) {
 *   s3.upload(Path.of("../../data/online_retail/by-day/2010-12-01.csv.gz"), "lake/raw/online_retail/x.csv.gz");
 *   new Handler(s3.settings("s3://shop/lake", "s3://shop/data/")).handleRequest(event, null);
 * }
 * }</pre>
 */
public final class S3Stage implements AutoCloseable {
  /** The repository's bundled data folder, seen from a module under examples/. */
  public static final Path DATA = Path.of("..", "..", "data").toAbsolutePath().normalize();
  private static final String ACCESS_KEY = "AKIALAKEHANDLERS0001";
  private static final String SECRET_KEY = "handlersSecret/NotReal+0123456789";

  private final S3ProxyServer server;
  private final S3Client client;
  private final String bucket;
  private final URI endpoint;

  private S3Stage(S3ProxyServer server, String bucket) {
    this.server = server;
    this.bucket = bucket;
    this.endpoint = server.endpoint();
    this.client = server.clientBuilder().build();
  }

  /** Starts s3proxy on a free port with an empty bucket; the AWS default chains find its credentials. */
  public static S3Stage start(String bucket) throws Exception {
    // What the handler's S3 store finds through the AWS default chains, as Lambda's environment provides them.
    S3Stage stage = new S3Stage(S3ProxyServer.start(ACCESS_KEY, SECRET_KEY).exportCredentials(), bucket);
    stage.client.createBucket(b -> b.bucket(bucket));
    return stage;
  }

  /** A handler's environment: LAKE_ROOT, LAKE_DATA and LAKE_S3_ENDPOINT pointing here. */
  public HandlerSettings settings(String lakeRoot, String data) {
    return HandlerSettings.of(Map.of("LAKE_ROOT", lakeRoot, "LAKE_DATA", data,
        "LAKE_S3_ENDPOINT", endpoint.toString()));
  }

  /** The same as environment variables, with the credentials, for a handler run in a child process. */
  public Map<String, String> environment(String lakeRoot, String data) {
    return Map.of("LAKE_ROOT", lakeRoot, "LAKE_DATA", data, "LAKE_S3_ENDPOINT", endpoint.toString(),
        "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1");
  }

  /**
   * Runs {@code mainClass} from a handler jar in a fresh JVM with {@code env}; returns its output, failing on a
   * non-zero exit.
   */
  public static String runJar(Path jar, String mainClass, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-cp", jar.toString(), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(jar.getFileName() + " exited with " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  /**
   * The request context of the PutObject that wrote {@code key}: manifest versions and segments are created with
   * {@code If-None-Match: *} (the policies grant nothing else there), everything else is a plain put.
   */
  public static java.util.Map<String, String> putContext(String key) {
    return key.contains("_lake/manifests/") && !key.contains("/_pending/")
        ? java.util.Map.of("s3:if-none-match", "*") : java.util.Map.of();
  }

  /**
   * The keys a handler's {@code iam-policy.json} lets it write (its "WriteItsDatasets…" statement), written for
   * bucket {@code shop-lake}, as a test on keys of this stage's bucket.
   */
  public static java.util.function.Predicate<String> writableUnder(Path policyJson) throws IOException {
    String text = Files.readString(policyJson);
    int from = text.indexOf("\"WriteItsDatasets");
    String statement = text.substring(from, text.indexOf('}', from));
    java.util.regex.Matcher arn = java.util.regex.Pattern.compile("\"arn:aws:s3:::shop-lake/([^\"]+)\"")
        .matcher(statement);
    List<java.util.regex.Pattern> allowed = new java.util.ArrayList<>();
    while (arn.find()) {
      String quoted = java.util.regex.Pattern.quote(arn.group(1));
      allowed.add(java.util.regex.Pattern.compile(quoted.replace("*", "\\E.*\\Q")));
    }
    if (allowed.isEmpty()) {
      throw new IllegalStateException("No s3 write resources in " + policyJson);
    }
    return key -> allowed.stream().anyMatch(p -> p.matcher(key).matches());
  }

  public void upload(Path file, String key) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
  }

  /** Uploads every file under {@code dir} to {@code prefix} + its relative path. */
  public void uploadTree(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        upload(f, prefix + dir.relativize(f).toString().replace('\\', '/'));
      }
    }
  }

  public List<String> keys(String prefix) {
    return client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }

  /** Downloads every object under {@code prefix} into {@code dir} (same relative paths); returns {@code dir}. */
  public Path download(String prefix, Path dir) throws IOException {
    for (String key : keys(prefix)) {
      Path file = dir.resolve(key.substring(prefix.length()));
      Files.createDirectories(file.getParent());
      client.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toFile(file));
    }
    return dir;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
