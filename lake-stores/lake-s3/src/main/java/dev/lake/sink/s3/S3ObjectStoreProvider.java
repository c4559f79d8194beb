package dev.lake.sink.s3;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStoreProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Makes the default {@link S3ObjectStore} for {@code s3://} URIs, found by {@link java.util.ServiceLoader}: credentials
 * from the default provider chain, the url-connection HTTP client, and these settings from system properties or, when
 * absent, environment variables:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>{@code lake.s3.endpoint}</td><td>{@code LAKE_S3_ENDPOINT}</td><td>endpoint of an S3-compatible store;
 *   path-style access is then on unless turned off</td></tr>
 *   <tr><td>{@code lake.s3.pathStyle}</td><td>{@code LAKE_S3_PATH_STYLE}</td><td>{@code true} / {@code false}</td></tr>
 *   <tr><td>{@code lake.s3.region} or {@code aws.region}</td><td>{@code LAKE_S3_REGION} or {@code AWS_REGION}</td>
 *   <td>the region (else the SDK's chain, else us-east-1)</td></tr>
 *   <tr><td>{@code lake.s3.sse}</td><td>{@code LAKE_S3_SSE}</td><td>{@code AES256} or {@code aws:kms}</td></tr>
 *   <tr><td>{@code lake.s3.kmsKeyId}</td><td>{@code LAKE_S3_KMS_KEY_ID}</td><td>KMS key for SSE-KMS</td></tr>
 *   <tr><td>{@code lake.s3.storageClass}</td><td>{@code LAKE_S3_STORAGE_CLASS}</td><td>e.g.
 *   {@code INTELLIGENT_TIERING}</td></tr>
 * </table>
 *
 * <pre>{@code
 * // LAKE_S3_ENDPOINT=http://localhost:9000 AWS_REGION=us-east-1 java -jar app.jar
 * Lake lake = Lake.at("s3://bucket/lake");   // uses this provider
 * }</pre>
 */
public final class S3ObjectStoreProvider implements ObjectStoreProvider {

  @Override
  public boolean supports(String scheme) {
    return "s3".equals(scheme);
  }

  @Override
  public ObjectStore create(URI root) {
    return configure(S3ObjectStore.builder(), System::getProperty, System::getenv).build();
  }

  static S3ObjectStore.Builder configure(S3ObjectStore.Builder b, UnaryOperator<String> props,
      UnaryOperator<String> env) {
    String endpoint = first(props.apply("lake.s3.endpoint"), env.apply("LAKE_S3_ENDPOINT"));
    String pathStyle = first(props.apply("lake.s3.pathStyle"), env.apply("LAKE_S3_PATH_STYLE"));
    String region = first(props.apply("lake.s3.region"), env.apply("LAKE_S3_REGION"), props.apply("aws.region"),
        env.apply("AWS_REGION"));
    String sse = first(props.apply("lake.s3.sse"), env.apply("LAKE_S3_SSE"));
    String kms = first(props.apply("lake.s3.kmsKeyId"), env.apply("LAKE_S3_KMS_KEY_ID"));
    String storageClass = first(props.apply("lake.s3.storageClass"), env.apply("LAKE_S3_STORAGE_CLASS"));
    if (endpoint != null) {
      b.endpointOverride(endpoint(endpoint)).pathStyle(pathStyle == null || flag(pathStyle));
    } else if (pathStyle != null) {
      b.pathStyle(flag(pathStyle));
    }
    if (region != null) {
      b.region(Region.of(region.toLowerCase(Locale.ROOT)));
    }
    if (sse != null) {
      ServerSideEncryption value = ServerSideEncryption.fromValue(sse);
      ValidationException.check(value != ServerSideEncryption.UNKNOWN_TO_SDK_VERSION,
          "LAKE_S3_SSE / lake.s3.sse = '%s': use AES256 (SSE-S3) or aws:kms (SSE-KMS)", sse);
      b.serverSideEncryption(value);
    }
    if (kms != null) {
      b.kmsKeyId(kms);
    }
    if (storageClass != null) {
      StorageClass value = StorageClass.fromValue(storageClass.toUpperCase(Locale.ROOT));
      ValidationException.check(value != StorageClass.UNKNOWN_TO_SDK_VERSION,
          "LAKE_S3_STORAGE_CLASS / lake.s3.storageClass = '%s' is not an S3 storage class: use one of %s",
          storageClass, StorageClass.knownValues());
      b.storageClass(value);
    }
    return b;
  }

  /** An http(s) endpoint with a host, or a ValidationException naming the setting (before any request). */
  private static URI endpoint(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw new ValidationException("LAKE_S3_ENDPOINT / lake.s3.endpoint = '" + endpoint
          + "' is not a URI (" + e.getReason() + " at index " + e.getIndex() + "): use e.g. http://localhost:9000", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    ValidationException.check((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
        "LAKE_S3_ENDPOINT / lake.s3.endpoint = '%s' is not an http(s) endpoint with a host: use e.g. "
            + "http://localhost:9000, or unset it on AWS", endpoint);
    return uri;
  }

  private static boolean flag(String pathStyle) {
    String value = pathStyle.toLowerCase(Locale.ROOT);
    ValidationException.check(value.equals("true") || value.equals("false"),
        "LAKE_S3_PATH_STYLE / lake.s3.pathStyle = '%s': use true or false", pathStyle);
    return value.equals("true");
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
