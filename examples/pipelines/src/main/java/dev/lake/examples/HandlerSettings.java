package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What the examples' Lambda handlers read from their environment: {@code LAKE_ROOT} (the lake, e.g.
 * {@code s3://shop-lake/lake}), {@code LAKE_DATA} (a folder of input data of the bundled data's shape, e.g.
 * {@code s3://shop-lake/data/}) and optionally {@code LAKE_S3_ENDPOINT} (an S3-compatible endpoint such as s3proxy or
 * MinIO, with path-style access; unset on AWS). A missing variable fails naming it.
 *
 * <p>{@code LAKE_FORMAT=iceberg} lands the datasets as Apache Iceberg tables ({@link IcebergDestination}; the
 * default, {@code parquet}, as Hive-style Parquet in the lake): the tables' files under
 * {@code LAKE_ICEBERG_WAREHOUSE} (default {@code <LAKE_ROOT>/iceberg/}), registered in the catalog
 * {@code LAKE_ICEBERG_CATALOG}: {@code jdbc:postgresql://host/db?user=…&password=…}, an Iceberg REST endpoint
 * ({@code https://…}: S3 Tables, Glue's Iceberg REST endpoint) or {@code jdbc:sqlite:<file>}; unset, only a local
 * warehouse has a default (its {@code catalog.db}), since a Lambda's local disk does not outlive it. The handler's
 * jar must hold {@code lake-iceberg} (the e-commerce, Sparkify, xG, tweets and football handlers do).
 *
 * <pre>{@code
 * HandlerSettings settings = HandlerSettings.fromEnvironment();
 * Lake lake = settings.lake();
 * URI data = settings.data();
 * }</pre>
 */
public final class HandlerSettings {
  private final Map<String, String> env;

  private HandlerSettings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The process environment, as Lambda sets it from the function's configuration. */
  public static HandlerSettings fromEnvironment() {
    return of(System.getenv());
  }

  /** Settings from a map of the same variables (tests, or a handler configured in code). */
  public static HandlerSettings of(Map<String, String> variables) {
    return new HandlerSettings(Objects.requireNonNull(variables, "variables"));
  }

  /** The lake at {@code LAKE_ROOT}; with {@code LAKE_S3_ENDPOINT} its bucket is served by that endpoint. */
  public Lake lake() {
    URI root = location("LAKE_ROOT", required("LAKE_ROOT"));
    serveFromEndpoint(root);
    return Lake.at(root);
  }

  /** The input folder at {@code LAKE_DATA}, ending in '/'. Call {@link #lake()} first when both share a bucket. */
  public URI data() {
    String data = required("LAKE_DATA");
    URI uri = location("LAKE_DATA", data.endsWith("/") ? data : data + "/");
    serveFromEndpoint(uri);
    return uri;
  }

  /** With {@code LAKE_S3_ENDPOINT}, registers a path-style store at that endpoint for the bucket of {@code at}. */
  private void serveFromEndpoint(URI at) {
    String endpoint = blankToNull(env.get("LAKE_S3_ENDPOINT"));
    if (endpoint == null || !"s3".equals(at.getScheme())) {
      return;
    }
    URI uri = location("LAKE_S3_ENDPOINT", endpoint.strip());
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new ValidationException("Environment variable LAKE_S3_ENDPOINT is '" + endpoint + "': not an http(s) "
          + "endpoint with a host; set it to e.g. http://localhost:9000, or unset it on AWS");
    }
    ObjectStores.register(URI.create("s3://" + at.getAuthority()),
        S3ObjectStore.builder().endpointOverride(uri).pathStyle(true).build());
  }

  /** {@code value} as a URI, or a ValidationException naming the variable, the value and the parser's complaint. */
  private static URI location(String variable, String value) {
    try {
      return ObjectStores.toUri(value);
    } catch (ValidationException e) {
      throw new ValidationException("Environment variable " + variable + " is '" + value
          + "': not a URI (" + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + "); escape "
          + "spaces and other reserved characters as %XX, e.g. s3://bucket/my%20lake", e);
    }
  }

  /**
   * Where the datasets land: the processed zone of {@link #lake()}, or with {@code LAKE_FORMAT=iceberg} the Iceberg
   * catalog of {@code LAKE_ICEBERG_WAREHOUSE} and {@code LAKE_ICEBERG_CATALOG}; any other format fails naming it.
   */
  public Destination destination() {
    return destination(lake());
  }

  /**
   * The same for a handler that configures its lake itself (the tweets and football handlers read
   * {@code LAKE_URI}): run reports, cursors and rejected rows in {@code lake}.
   */
  public Destination destination(Lake lake) {
    String format = env.getOrDefault("LAKE_FORMAT", "parquet").strip().toLowerCase(java.util.Locale.ROOT);
    switch (format) {
      case "", "parquet" -> {
        return Destination.processed(lake);
      }
      case "iceberg" -> {
        try {
          Class.forName("dev.lake.sink.iceberg.IcebergCatalog", false, HandlerSettings.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new ValidationException("LAKE_FORMAT=iceberg, but this handler's jar has no lake-iceberg: add "
              + "dev.lake:lake-iceberg to the handler's jar, or set LAKE_FORMAT=parquet");
        }
        String catalog = blankToNull(env.get("LAKE_ICEBERG_CATALOG"));
        checkCatalogClasses(catalog);
        try {
          return IcebergDestination.of(lake, blankToNull(env.get("LAKE_ICEBERG_WAREHOUSE")), catalog, null);
        } catch (ValidationException e) {
          throw new ValidationException("LAKE_FORMAT=iceberg: " + e.getMessage() + "; set "
              + "LAKE_ICEBERG_CATALOG (and LAKE_ICEBERG_WAREHOUSE for the tables' files, default iceberg/ in the lake)", e);
        }
      }
      default -> throw new ValidationException("Environment variable LAKE_FORMAT is '" + env.get("LAKE_FORMAT")
          + "': use parquet (Hive-style Parquet in the lake, the default) or iceberg (Apache Iceberg tables)");
    }
  }

  /** Fails before any I/O when the catalog's client is not in the handler's jar (minimized: see the README). */
  private static void checkCatalogClasses(String catalog) {
    if (catalog == null) {
      return;
    }
    String shown = catalog.replaceFirst("\\?.*", "?…");
    if (catalog.startsWith("http://") || catalog.startsWith("https://")) {
      try {
        Class.forName("org.apache.iceberg.rest.RESTCatalog", false, HandlerSettings.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ValidationException("LAKE_ICEBERG_CATALOG " + shown + " is an Iceberg REST endpoint, but this "
            + "handler's jar has no REST catalog client (minimizeJar left it out): use a JDBC catalog");
      }
    } else if (catalog.startsWith("jdbc:")) {
      try {
        java.sql.DriverManager.getDriver(catalog);
      } catch (java.sql.SQLException e) { // not chained: DriverManager's message holds the whole URL, password too
        throw new ValidationException("LAKE_ICEBERG_CATALOG " + shown + ": no JDBC driver for it in the handler's "
            + "class path: add the driver (org.postgresql:postgresql for jdbc:postgresql:) to the handler's jar");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private String required(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new ValidationException("Environment variable " + name + " is not set: set it in the function's "
          + "configuration (see the README, \"Deploying the examples to Lambda\")");
    }
    return value;
  }
}
