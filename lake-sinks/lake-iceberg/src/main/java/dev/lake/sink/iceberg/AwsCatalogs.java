package dev.lake.sink.iceberg;

import dev.lake.exceptions.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optional libraries the AWS catalogs need, checked when such a catalog is configured, so that a missing one is
 * named with the dependency to add rather than found as a {@code NoClassDefFoundError} in the middle of a run.
 *
 * <pre>{@code
 * AwsCatalogs.require("IcebergCatalog.glue", AwsCatalogs.GLUE);
 * }</pre>
 */
final class AwsCatalogs {
  /** A class each library of the Glue catalog has, by the library's Maven coordinates. */
  static final Map<String, String> GLUE = Map.of(
      "org.apache.iceberg:iceberg-aws", "org.apache.iceberg.aws.glue.GlueCatalog",
      "software.amazon.awssdk:glue", "software.amazon.awssdk.services.glue.GlueClient",
      "software.amazon.awssdk:kms", "software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec",
      "software.amazon.awssdk:sts", "software.amazon.awssdk.services.sts.model.Tag",
      "software.amazon.awssdk:url-connection-client",
      "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient");
  /** The same, for SigV4-signed REST catalogs. */
  static final Map<String, String> SIGV4 = Map.of(
      "org.apache.iceberg:iceberg-aws", "org.apache.iceberg.aws.RESTSigV4AuthManager",
      "software.amazon.awssdk:auth", "software.amazon.awssdk.auth.signer.Aws4Signer",
      "software.amazon.awssdk:kms", "software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec",
      "software.amazon.awssdk:sts", "software.amazon.awssdk.services.sts.model.Tag",
      "commons-io:commons-io", "org.apache.commons.io.IOUtils");

  private AwsCatalogs() {}

  static void require(String what, Map<String, String> libraries) {
    List<String> missing = new ArrayList<>();
    libraries.forEach((artifact, className) -> {
      try {
        Class.forName(className, false, AwsCatalogs.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(artifact);
      }
    });
    if (!missing.isEmpty()) {
      throw new ValidationException(what + " needs " + String.join(", ", missing.stream().sorted().toList())
          + " on the classpath (optional dependencies of dev.lake:lake-iceberg, left out of the Lambda handlers "
          + "to keep them small): add them to your build, the AWS SDK ones without a version under the AWS SDK BOM, "
          + "iceberg-aws at the version of iceberg-core");
    }
  }
}
