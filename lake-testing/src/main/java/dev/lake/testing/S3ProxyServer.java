package dev.lake.testing;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * s3proxy (Apache-2.0: the S3 API over a blob store), a local S3 for tests, benchmarks and offline runs, started in
 * this JVM on a free loopback port, in memory or on disk, checking AWS signatures against one fake key pair. s3proxy
 * runs on Jetty 12.1: a project whose other test dependencies bring an older Jetty aligns it (import
 * {@code org.eclipse.jetty:jetty-bom} and {@code org.eclipse.jetty.ee10:jetty-ee10-bom} 12.1.x). An
 * {@code S3ObjectStore} (lake-s3) reaches it with its endpoint, path-style addressing, its region and its credentials:
 *
 * <pre>{@code
 * // given: Source<Sale> rows
 * import software.amazon.awssdk.services.s3.S3Client;
 * try (S3ProxyServer s3 = S3ProxyServer.start("AKIAEXAMPLE000000001", "exampleSecret/NotReal+0");
 *     S3Client client = s3.client()) {
 *   client.createBucket(b -> b.bucket("shop"));
 *   ObjectStores.register(URI.create("s3://shop"), S3ObjectStore.builder().endpointOverride(s3.endpoint())
 *       .pathStyle(true).region(s3.region()).credentials(s3.credentials()).build());
 *   Pipeline.from(rows).to(Lake.at("s3://shop/lake").processed("sales")).run();
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {
  private final S3Proxy proxy;
  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;
  private boolean exported;

  private S3ProxyServer(S3Proxy proxy, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts s3proxy keeping its buckets in memory; requests must be signed with this key pair. */
  public static S3ProxyServer start(String accessKey, String secretKey) {
    return start(new TransientNio2BlobStore(), accessKey, secretKey);
  }

  /** Starts s3proxy keeping its buckets as files under {@code dir} (a folder per bucket). */
  public static S3ProxyServer startOnDisk(Path dir, String accessKey, String secretKey) {
    return start(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()), accessKey, secretKey);
  }

  private static S3ProxyServer start(BlobStore blobs, String accessKey, String secretKey) {
    S3Proxy proxy = S3Proxy.builder().blobStore(blobs)
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true).build();
    try {
      proxy.start();
      while (!proxy.getState().equals("STARTED")) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while s3proxy was starting", e);
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start on a free loopback port: " + e.getMessage(), e);
    }
    return new S3ProxyServer(proxy, accessKey, secretKey);
  }

  /** Its endpoint, e.g. {@code http://127.0.0.1:41234}; clients must use path-style addressing. */
  public URI endpoint() {
    return endpoint;
  }

  /** The key pair it accepts, as a credentials provider. */
  public StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  /**
   * A client builder aimed at it (endpoint, path-style, us-east-1, its credentials) and no HTTP client chosen, for a
   * caller that adds its own HTTP client or interceptors.
   */
  public S3ClientBuilder clientBuilder() {
    return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(region())
        .credentialsProvider(credentials());
  }

  /** A new client for it over the url-connection HTTP client (the caller closes it). */
  public S3Client client() {
    return clientBuilder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  /** The region its clients use (us-east-1; s3proxy accepts any). */
  public Region region() {
    return Region.US_EAST_1;
  }

  /**
   * Puts its key pair and region where the AWS default chains look ({@code aws.accessKeyId},
   * {@code aws.secretAccessKey}, {@code aws.region} system properties), as a user's environment or Lambda's would,
   * until {@link #close()} clears them. For code under test that builds its own clients.
   */
  public S3ProxyServer exportCredentials() {
    System.setProperty("aws.accessKeyId", accessKey);
    System.setProperty("aws.secretAccessKey", secretKey);
    System.setProperty("aws.region", Region.US_EAST_1.id());
    exported = true;
    return this;
  }

  /** Stops the server (and clears the exported credentials); its in-memory buckets are gone. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy at " + endpoint + " did not stop", e);
    } finally {
      if (exported) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
      }
    }
  }

  @Override
  public String toString() {
    return "S3ProxyServer[" + endpoint + "]";
  }
}
