package dev.lake.sink.s3;

import dev.lake.testing.S3ProxyServer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** One {@link S3ProxyServer} (in memory) per test JVM, with recognisable fake credentials, and bucket helpers. */
final class S3Proxies {
  static final String ACCESS_KEY = "AKIALAKETESTKEY00042";
  static final String SECRET_KEY = "lakeTestSecret/DoNotLog+0123456789abcdefXYZ";

  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

  private static S3ProxyServer server;

  private S3Proxies() {}

  private static synchronized S3ProxyServer server() {
    if (server == null) {
      S3ProxyServer started = S3ProxyServer.start(ACCESS_KEY, SECRET_KEY);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      server = started;
    }
    return server;
  }

  static URI endpoint() {
    return server().endpoint();
  }

  /** A client of the test server over the given HTTP client. */
  static S3Client client(SdkHttpClient http) {
    return server().clientBuilder().httpClient(http).build();
  }

  static S3Client client() {
    return client(UrlConnectionHttpClient.create());
  }

  /** A fresh bucket with a unique name. */
  static String bucket(S3Client s3) {
    String name = "lake-" + UUID.randomUUID().toString().substring(0, 12);
    s3.createBucket(b -> b.bucket(name));
    return name;
  }

  static List<String> keys(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(o -> o.key()).sorted().toList();
  }

  static List<MultipartUpload> uploads(S3Client s3, String bucket) {
    return s3.listMultipartUploads(r -> r.bucket(bucket)).uploads();
  }
}
