package dev.lake.it.check;

import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lake in a bucket of the JVM's shared s3proxy (started once, in memory), read with a plain {@link S3Client}:
 * ListObjectsV2 for what a reader sees, GetObject into a temporary directory for DuckDB (its httpfs extension cannot
 * be installed here).
 *
 * <pre>{@code
 * try (S3Lake lake = S3Lake.newBucket()) { ... lake.root() ... }   // s3://lake-3/lake
 * }</pre>
 */
public final class S3Lake implements LakeLocation {
  private static final String ACCESS_KEY = "AKIAINTEGRATION00001";
  private static final String SECRET_KEY = "integrationSecret/NotReal+0123456789";
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3ProxyServer server;
  private static S3Client client;

  private final String bucket;
  private final Path downloads;
  private final java.util.ArrayDeque<Path> copies = new java.util.ArrayDeque<>();

  private S3Lake(String bucket) throws IOException {
    this.bucket = bucket;
    this.downloads = Files.createTempDirectory("s3lake-" + bucket + "-");
  }

  /** A lake at {@code s3://<new bucket>/lake}. */
  public static synchronized S3Lake newBucket() throws IOException {
    if (server == null) {
      server = S3ProxyServer.start(ACCESS_KEY, SECRET_KEY);
      client = server.client();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        client.close();
        server.close();
      }));
    }
    String bucket = "lake-" + BUCKETS.incrementAndGet();
    client.createBucket(b -> b.bucket(bucket));
    // Lake's own reader in this JVM (the third view) reads the bucket through s3proxy too.
    ObjectStores.register(URI.create("s3://" + bucket),
        S3ObjectStore.builder().endpointOverride(server.endpoint()).pathStyle(true)
        .region(server.region()).credentials(server.credentials()).build());
    return new S3Lake(bucket);
  }

  /** The plain client of the shared s3proxy. */
  public static S3Client client() {
    return client;
  }

  /** The shared s3proxy (for a store registered in this JVM). */
  public static S3ProxyServer server() {
    return server;
  }

  @Override
  public URI root() {
    return URI.create("s3://" + bucket + "/lake");
  }

  @Override
  public List<String> childJvmOptions() {
    return List.of("-Dlake.s3.endpoint=" + server.endpoint(), "-Dlake.s3.pathStyle=true",
        "-Dlake.s3.region=us-east-1", "-Daws.accessKeyId=" + ACCESS_KEY, "-Daws.secretAccessKey=" + SECRET_KEY);
  }

  @Override
  public String kind() {
    return "s3proxy";
  }

  private List<String> keys(String prefix) {
    return client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("lake/" + prefix)).contents().stream()
        .map(S3Object::key).map(k -> k.substring(("lake/" + prefix).length())).sorted().toList();
  }

  @Override
  public Visible visible() throws IOException {
    List<String> files = keys(DATASET_DIR).stream().filter(k -> k.endsWith(".parquet")).toList();
    Path dir = freshDirectory();
    for (String f : files) {
      download(DATASET_DIR + f, dir.resolve(f));
    }
    return new Visible(dir, files);
  }

  @Override
  public List<String> allObjectsUnderDataset() {
    return keys(DATASET_DIR);
  }

  @Override
  public Optional<Map.Entry<String, byte[]>> newestManifest() {
    Optional<String> newest = keys(MANIFEST_DIR).stream().filter(ManifestFile::isVersion)
        .max(Comparator.naturalOrder());
    return newest.map(name -> Map.entry(name, client.getObjectAsBytes(r -> r.bucket(bucket)
        .key("lake/" + MANIFEST_DIR + name)).asByteArray()));
  }

  @Override
  public byte[] manifestObject(String relative) {
    return client.getObjectAsBytes(r -> r.bucket(bucket).key("lake/" + MANIFEST_DIR + relative)).asByteArray();
  }

  @Override
  public Map<String, Path> fetch(Collection<String> files) throws IOException {
    Path dir = freshDirectory();
    Map<String, Path> out = new LinkedHashMap<>();
    for (String f : files) {
      if (download(DATASET_DIR + f, dir.resolve(f))) {
        out.put(f, dir.resolve(f));
      }
    }
    return out;
  }

  private boolean download(String key, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      client.getObject(r -> r.bucket(bucket).key("lake/" + key), ResponseTransformer.toFile(to));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  /** A new directory for a copy; copies older than the two before it are deleted (their views are computed). */
  private synchronized Path freshDirectory() throws IOException {
    while (copies.size() >= 2) {
      delete(copies.removeFirst());
    }
    Path dir = Files.createTempDirectory(downloads, "copy-");
    copies.addLast(dir);
    return dir;
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    delete(downloads);
  }

  @Override
  public String toString() {
    return "s3proxy lake " + root();
  }
}
