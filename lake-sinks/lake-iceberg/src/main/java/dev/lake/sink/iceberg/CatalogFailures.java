package dev.lake.sink.iceberg;

import dev.lake.exceptions.SinkException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;

/**
 * Explains a catalog that cannot be reached or refuses the caller, with the fix: the region, the network path
 * (a Lambda in a VPC needs an endpoint or a NAT gateway to reach Glue) or the IAM grants. Only the catalog's kind,
 * endpoint and region are named, never its credentials.
 *
 * <pre>{@code
 * try {
 *   catalog.catalog().tableExists(id);
 * } catch (RuntimeException e) {
 *   throw CatalogFailures.explain(catalog, e);
 * }
 * }</pre>
 */
final class CatalogFailures {
  private CatalogFailures() {}

  /** A clearer exception for an unreachable or refusing catalog; {@code e} itself otherwise. */
  static RuntimeException explain(IcebergCatalog catalog, RuntimeException e) {
    Map<String, String> props = catalog.properties();
    String impl = props.getOrDefault(CatalogProperties.CATALOG_IMPL, "");
    boolean glue = impl.endsWith(".GlueCatalog");
    String where = glue ? "the AWS Glue catalog (" + props.getOrDefault("glue.endpoint", "region " + props
        .getOrDefault("client.region", "of the default AWS chain (AWS_REGION)")) + ")"
        : "the Iceberg catalog at " + props.getOrDefault(CatalogProperties.URI, impl);
    String cause = root(e);
    if (unreachable(e)) {
      String fix = glue ? "check the region (IcebergCatalog.glue(warehouse, region) or AWS_REGION), that this "
          + "machine reaches glue.<region>.amazonaws.com (a Lambda in a VPC needs a Glue VPC endpoint or a NAT "
          + "gateway) and glue.endpoint if you set one"
          : "check the catalog's uri and that this machine reaches it";
      return new SinkException("iceberg", "Cannot reach " + where + ": " + cause + ". Nothing was written; " + fix
          + ", then run again.", e);
    }
    String signing = props.get("rest.signing-name");
    if (signing != null && (e instanceof org.apache.iceberg.exceptions.ForbiddenException
        || e instanceof org.apache.iceberg.exceptions.NotAuthorizedException)) {
      return new SinkException("iceberg", where + " refused the request: " + cause + ". Nothing was written; "
          + "requests are signed by signedFor(\"" + signing + "\", \"" + props.get("rest.signing-region") + "\"): "
          + "check that they match the endpoint (\"s3tables\" or \"glue\", and its region) and that the "
          + "credentials' role is granted the catalog's actions, then run again.", e);
    }
    if (glue && (cause.contains("AccessDenied") || cause.contains("not authorized")
        || cause.contains("UnrecognizedClient") || cause.contains("security token"))) {
      return new SinkException("iceberg", where + " refused the request: " + cause + ". Nothing was written; grant "
          + "the role the Glue actions `Pipeline.requiredPermissions` lists (glue:GetTable, glue:CreateTable, "
          + "glue:UpdateTable, glue:GetDatabase, glue:CreateDatabase on the table and its database), or check the "
          + "credentials, then run again.", e);
    }
    return e;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException || t instanceof java.net.http.HttpConnectTimeoutException
          || (t.getMessage() != null && t.getMessage().contains("Unable to execute HTTP request"))) {
        return true;
      }
    }
    return false;
  }

  private static String root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return t == e ? first : first + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
  }
}
