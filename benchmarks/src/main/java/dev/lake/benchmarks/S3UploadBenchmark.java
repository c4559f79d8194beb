package dev.lake.benchmarks;

import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Clock;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.io.ObjectWriter;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.S3ProxyServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Uploading one generated file to s3proxy (in this JVM, storing on disk) three ways, interleaved: Lake's streaming
 * multipart writer (8 MiB parts, 4 in flight), a plain single PutObject streamed from the file, and the SDK's
 * {@code S3TransferManager} (Java async client with multipart, not CRT). Each run's peak heap goes to {@code extra}:
 * the sum of the heap pools' peaks since just before the run, after a GC (s3proxy's own buffers are included and the
 * same for every approach). 512 MB normally, 64 MB with {@code --quick}.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only s3-upload"
 * }</pre>
 */
final class S3UploadBenchmark implements Benchmark {
  private static final String KEY = "AKIABENCHMARK0000001";
  private static final String SECRET = "benchmarkSecret0123456789";
  private static final String BUCKET = "bench";

  interface Upload {
    void run(Path file, String key) throws Exception;
  }

  @Override
  public String name() {
    return "s3-upload";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    long sizeMb = s.quick() ? 64 : 512;
    Path dir = Files.createTempDirectory(Files.createDirectories(s.work()), "s3-upload-");
    Path file = generate(dir.resolve("input.bin"), sizeMb << 20);
    Path store = Files.createDirectories(dir.resolve("s3proxy"));
    S3ProxyServer proxy = S3ProxyServer.startOnDisk(store, KEY, SECRET);
    URI endpoint = proxy.endpoint();
    StaticCredentialsProvider credentials = proxy.credentials();
    try (S3Client s3 = proxy.client();
        S3ObjectStore lake = S3ObjectStore.builder().endpointOverride(proxy.endpoint()).pathStyle(true)
        .region(proxy.region()).credentials(proxy.credentials()).build();
        S3AsyncClient async = S3AsyncClient.builder().endpointOverride(endpoint).forcePathStyle(true)
            .region(Region.US_EAST_1).credentialsProvider(credentials).multipartEnabled(true)
            .multipartConfiguration(c -> c.minimumPartSizeInBytes(8L << 20).thresholdInBytes(8L << 20)).build();
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
      Comparison c = Comparison.of(name(), String.format("upload of %,d MB to s3proxy (on disk, same JVM), max heap "
          + "%,d MB", sizeMb, Runtime.getRuntime().maxMemory() >> 20));
      c.variant("lake-writer", (clock, work) -> upload(s3, file, clock, (f, key) -> {
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(f);
            ObjectWriter out = lake.newWriter(URI.create("s3://" + BUCKET + "/" + key))) {
          for (int n; (n = in.read(chunk)) > 0; ) {
            out.write(chunk, 0, n);
          }
          out.commit();
        }
      }));
      c.variant("single-putobject", (clock, work) -> upload(s3, file, clock,
          (f, key) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(f))));
      c.variant("transfer-manager", (clock, work) -> upload(s3, file, clock, (f, key) -> tm.uploadFile(u -> u.source(f)
          .putObjectRequest(p -> p.bucket(BUCKET).key(key))).completionFuture().join()));
      h.compare(c.warmups(s.warmups(1, 0)).runs(s.runs(3, 1)));
    } finally {
      proxy.close();
      Harness.delete(dir);
    }
  }

  /** One upload, timed after a GC; checks the size, deletes the object, reports bytes and the peak heap. */
  private static Outcome upload(S3Client s3, Path file, Clock clock, Upload upload) throws Exception {
    String key = "object-" + System.nanoTime();
    System.gc();
    resetPeaks();
    clock.restart();
    upload.run(file, key);
    clock.stop();
    double peakMb = peakHeap() / 1048576.0;
    long size = s3.headObject(b -> b.bucket(BUCKET).key(key)).contentLength();
    if (size != Files.size(file)) {
      throw new IllegalStateException(key + " has " + size + " bytes, expected " + Files.size(file));
    }
    s3.deleteObject(b -> b.bucket(BUCKET).key(key));
    return Outcome.rows(0).withBytes(size).withExtra(String.format(java.util.Locale.ROOT, "peak_heap_mb=%.0f",
        peakMb));
  }

  private static Path generate(Path file, long bytes) throws Exception {
    byte[] block = new byte[1 << 20];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, bytes - written));
      }
    }
    return file;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
