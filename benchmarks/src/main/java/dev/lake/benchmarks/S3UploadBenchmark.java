package dev.lake.benchmarks;

import dev.lake.io.ObjectWriter;
import dev.lake.sink.s3.S3ObjectStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Uploading one generated file to s3proxy (in this JVM, storing on disk) three ways, interleaved: Lake's streaming
 * multipart writer (8 MiB parts, 4 in flight), a plain single PutObject streamed from the file, and the SDK's
 * {@code S3TransferManager} (Java async client with multipart, not CRT). Prints MB/s and the peak heap of each.
 * Peak heap is the sum of the heap pools' peaks since the previous run, after a GC: s3proxy's own buffers are
 * included and the same for every approach. Run it with a small heap to show that memory does not grow with size:
 *
 * <pre>{@code
 * mvn -q install -DskipTests
 * cd benchmarks && mvn -q exec:exec -Dexec.executable=java \
 *     -Dexec.args="-Xmx256m -cp %classpath dev.lake.benchmarks.S3UploadBenchmark --size-mb 1024 --runs 2"
 * }</pre>
 */
public final class S3UploadBenchmark {
  private static final String KEY = "AKIABENCHMARK0000001";
  private static final String SECRET = "benchmarkSecret0123456789";
  private static final String BUCKET = "bench";

  private S3UploadBenchmark() {}

  interface Upload {
    void run(Path file, String key) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    long sizeMb = 1024;
    int runs = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --size-mb N --runs N");
      }
    }
    Path dir = Files.createTempDirectory("lake-s3-bench");
    Path file = generate(dir.resolve("input.bin"), sizeMb << 20);
    Path store = Files.createDirectories(dir.resolve("s3proxy"));
    S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(store.toString()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
        .endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true).build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
            .forcePathStyle(true).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        S3ObjectStore lake = S3ObjectStore.builder().endpointOverride(endpoint).pathStyle(true)
            .region(Region.US_EAST_1).credentials(credentials).build();
        S3AsyncClient async = S3AsyncClient.builder().endpointOverride(endpoint).forcePathStyle(true)
            .region(Region.US_EAST_1).credentialsProvider(credentials).multipartEnabled(true)
            .multipartConfiguration(c -> c.minimumPartSizeInBytes(8L << 20).thresholdInBytes(8L << 20)).build();
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
      Map<String, Upload> uploads = new LinkedHashMap<>();
      uploads.put("lake writer", (f, key) -> {
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(f);
            ObjectWriter out = lake.newWriter(URI.create("s3://" + BUCKET + "/" + key))) {
          for (int n; (n = in.read(chunk)) > 0; ) {
            out.write(chunk, 0, n);
          }
          out.commit();
        }
      });
      uploads.put("single PutObject", (f, key) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(f)));
      uploads.put("transfer manager", (f, key) -> tm.uploadFile(u -> u.source(f)
          .putObjectRequest(p -> p.bucket(BUCKET).key(key))).completionFuture().join());

      System.out.printf("Upload of %,d MB to s3proxy (on disk, same JVM), max heap %,d MB, %d cores, Java %s%n",
          sizeMb, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      for (int run = 0; run < runs; run++) {
        for (Map.Entry<String, Upload> e : uploads.entrySet()) {
          String key = "run" + run + "-" + e.getKey().replace(' ', '-');
          System.gc();
          resetPeaks();
          long start = System.nanoTime();
          e.getValue().run(file, key);
          double seconds = (System.nanoTime() - start) / 1e9;
          double peakMb = peakHeap() / 1048576.0;
          long size = s3.headObject(b -> b.bucket(BUCKET).key(key)).contentLength();
          if (size != Files.size(file)) {
            throw new IllegalStateException(e.getKey() + " uploaded " + size + " bytes, expected " + Files.size(file));
          }
          s3.deleteObject(b -> b.bucket(BUCKET).key(key));
          results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {sizeMb / seconds, peakMb});
          System.out.printf("run %d  %-17s %7.1f MB/s  peak heap %6.1f MB  (%.1f s)%n", run + 1, e.getKey(),
              sizeMb / seconds, peakMb, seconds);
        }
      }
      System.out.println("best of " + runs + ":");
      results.forEach((name, r) -> System.out.printf("  %-17s %7.1f MB/s  peak heap %6.1f MB%n", name,
          r.stream().mapToDouble(x -> x[0]).max().orElse(0), r.stream().mapToDouble(x -> x[1]).min().orElse(0)));
    } finally {
      proxy.stop();
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
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
