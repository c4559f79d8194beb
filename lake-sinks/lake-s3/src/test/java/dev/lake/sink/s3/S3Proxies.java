package dev.lake.sink.s3;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** An in-process s3proxy (in memory) with recognisable fake credentials, started once per JVM. */
final class S3Proxies {
  static final String ACCESS_KEY = "AKIALAKETESTKEY00042";
  static final String SECRET_KEY = "lakeTestSecret/DoNotLog+0123456789abcdefXYZ";
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

  private static URI endpoint;

  private S3Proxies() {}

  static synchronized URI endpoint() {
    if (endpoint == null) {
      try {
        S3Proxy proxy = S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .ignoreUnknownHeaders(true)
            .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
          Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            proxy.stop();
          } catch (Exception ignored) {
            // the JVM is exiting
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("s3proxy did not start", e);
      }
    }
    return endpoint;
  }

  /** A client of the test server over the given HTTP client. */
  static S3Client client(SdkHttpClient http) {
    return S3Client.builder().httpClient(http).endpointOverride(endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
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
