package dev.lake.sink.iceberg;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStores;
import java.io.Serializable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Where Iceberg tables are registered, chosen by one setting. The embedded default is a JDBC catalog in one SQLite
 * file next to the tables ({@link #local}): offline, no server. {@link #rest} speaks the Iceberg REST protocol
 * (Apache Polaris; S3 Tables and the AWS Glue Iceberg REST endpoint with {@link #signedFor}); {@link #glue} is the AWS
 * Glue Data Catalog; {@link #of} takes any catalog's properties. Table files go
 * through Lake's object stores ({@link LakeFileIO}) unless the properties name another {@code io-impl}.
 *
 * <p>Serializable, so a pipeline holding it runs on Spark; the catalog itself is created once per JVM.
 *
 * <pre>{@code
 * IcebergCatalog catalog = IcebergCatalog.local("./lake/iceberg");
 * IcebergCatalog glue = IcebergCatalog.glue("s3://my-bucket/warehouse", "eu-west-1");
 * IcebergCatalog s3Tables = IcebergCatalog.rest("https://s3tables.eu-west-1.amazonaws.com/iceberg",
 *     "arn:aws:s3tables:eu-west-1:123456789012:bucket/my-tables").signedFor("s3tables", "eu-west-1");
 * Pipeline.from(CsvSource.of(Sale.class).from("data/*.csv.gz"))
 *     .named("online-retail")
 *     .map("partition-by-month", RetailRow::of)
 *     .to(catalog.<RetailRow>table("retail.online_retail").partitionBy("year", "month"))
 *     .run();
 * }</pre>
 */
public final class IcebergCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<Map<String, String>, Catalog> CATALOGS = new ConcurrentHashMap<>();

  private final String name;
  private final Map<String, String> properties;

  private IcebergCatalog(String name, Map<String, String> properties) {
    this.name = name;
    this.properties = Map.copyOf(properties);
  }

  /**
   * An embedded JDBC catalog: the SQLite file {@code catalog.db} in {@code warehouse} (a local path, or a
   * {@code file:} URI in either spelling: {@code file:/x} and {@code file:///x} both name {@code /x}), tables under
   * it. Any other scheme fails naming the catalogs that take it.
   */
  public static IcebergCatalog local(String warehouse) {
    java.nio.file.Path dir = localDirectory(warehouse);
    URI root = dir.toUri();
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new ValidationException("Cannot create the Iceberg warehouse " + dir + ": " + e.getMessage());
    }
    return jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"), root.toString());
  }

  /** The absolute directory {@link #local}'s {@code warehouse} names: a path, or a {@code file:} URI. */
  private static java.nio.file.Path localDirectory(String warehouse) {
    ValidationException.check(warehouse != null && !warehouse.isBlank(),
        "IcebergCatalog.local needs a directory, e.g. ./lake/iceberg or file:///data/iceberg");
    // a scheme is two characters or more, so a Windows drive (C:\x) stays a path
    java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):").matcher(warehouse);
    if (!scheme.find()) {
      return java.nio.file.Path.of(warehouse).toAbsolutePath().normalize();
    }
    ValidationException.check("file".equalsIgnoreCase(scheme.group(1)), "IcebergCatalog.local keeps its SQLite "
        + "catalog on the local file system; for %s use IcebergCatalog.jdbc with a database URL, or "
        + "IcebergCatalog.rest", warehouse);
    try {
      URI uri = URI.create(warehouse);
      ValidationException.check(uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty(), "IcebergCatalog"
          + ".local: %s names a directory on the host '%s'; give a local directory: file:///dir, file:/dir or a "
          + "path", warehouse, uri.getRawAuthority());
      return java.nio.file.Path.of(uri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) { // not a URI (e.g. a space), or not hierarchical (file:dir)
      throw new ValidationException("IcebergCatalog.local: " + warehouse + " is not a file: URI of a directory ("
          + e.getMessage() + "); give file:///dir (spaces as %20) or a plain path");
    }
  }

  /**
   * A JDBC catalog: an SQLite file ({@code jdbc:sqlite:/path/catalog.db}) or PostgreSQL
   * ({@code jdbc:postgresql://host/db}, with {@code jdbc.user} and {@code jdbc.password} given through
   * {@link #with}); tables under {@code warehouse} ({@code s3://bucket/warehouse} or a local path).
   */
  public static IcebergCatalog jdbc(String jdbcUrl, String warehouse) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(CatalogProperties.CATALOG_IMPL, JdbcCatalog.class.getName());
    props.put(CatalogProperties.URI, jdbcUrl);
    props.put(CatalogProperties.WAREHOUSE_LOCATION, ObjectStores.toUri(warehouse).toString());
    props.put(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName());
    props.put("jdbc.schema-version", "V1");
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      // Concurrent runs wait for SQLite's write lock instead of failing at once; in WAL mode (kept in the file,
      // so for every client of it) a reader never blocks a commit
      props.put("jdbc.busy_timeout", "30000");
      props.put("jdbc.journal_mode", "WAL");
    }
    return new IcebergCatalog("lake", props);
  }

  /** An Iceberg REST catalog at {@code uri} (S3 Tables, Glue's Iceberg REST endpoint, Polaris). */
  public static IcebergCatalog rest(String uri, String warehouse) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.rest.RESTCatalog");
    props.put(CatalogProperties.URI, uri);
    props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    props.put(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName());
    return new IcebergCatalog("lake", props);
  }

  /**
   * The AWS Glue Data Catalog of this account ({@code org.apache.iceberg.aws.glue.GlueCatalog}), in the region and
   * with the credentials of the AWS SDK's default chains ({@code AWS_REGION}, the Lambda role, ...); new tables
   * under {@code warehouse} ({@code s3://bucket/prefix}), their files through Lake's object stores. The namespace
   * of a table is its Glue database. Needs {@code org.apache.iceberg:iceberg-aws} and the AWS SDK's {@code glue},
   * {@code kms}, {@code sts} and {@code url-connection-client} on the classpath (optional dependencies of
   * lake-iceberg, left out of the Lambda handlers). {@code with("glue.endpoint", url)} points it at another
   * endpoint (a VPC endpoint), {@code with("glue.id", account)} at another account's catalog.
   */
  public static IcebergCatalog glue(String warehouse) {
    AwsCatalogs.require("IcebergCatalog.glue", AwsCatalogs.GLUE);
    Map<String, String> props = new LinkedHashMap<>();
    props.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.aws.glue.GlueCatalog");
    props.put(CatalogProperties.WAREHOUSE_LOCATION, ObjectStores.toUri(warehouse).toString());
    props.put(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName());
    props.put("http-client.type", "urlconnection");
    return new IcebergCatalog("glue", props);
  }

  /** {@link #glue(String)} in {@code region} (e.g. {@code eu-west-1}) instead of the default chain's. */
  public static IcebergCatalog glue(String warehouse, String region) {
    ValidationException.check(region != null && !region.isBlank(), "IcebergCatalog.glue needs a region, e.g. "
        + "\"eu-west-1\", but was %s", region);
    return glue(warehouse).with("client.region", region);
  }

  /**
   * This REST catalog with every request signed by AWS Signature Version 4 for {@code service} in {@code region},
   * as Amazon S3 Tables ({@code "s3tables"}, uri {@code https://s3tables.<region>.amazonaws.com/iceberg}, warehouse
   * the table bucket's ARN) and Glue's Iceberg REST endpoint ({@code "glue"}, uri
   * {@code https://glue.<region>.amazonaws.com/iceberg}, warehouse the account id) require. Credentials come from the
   * AWS SDK's default chain, or {@code with("rest.access-key-id", ..)} and {@code with("rest.secret-access-key", ..)}
   * (never shown by {@link #toString}). Needs {@code org.apache.iceberg:iceberg-aws}, the AWS SDK's {@code auth},
   * {@code kms} and {@code sts}, and {@code commons-io:commons-io} on the classpath.
   */
  public IcebergCatalog signedFor(String service, String region) {
    ValidationException.check("org.apache.iceberg.rest.RESTCatalog".equals(properties.get(
        CatalogProperties.CATALOG_IMPL)), "signedFor(%s, %s) signs requests to a REST catalog: start from "
        + "IcebergCatalog.rest(uri, warehouse), not %s", service, region, this);
    ValidationException.check(service != null && !service.isBlank(), "signedFor needs the AWS service that signs, "
        + "\"s3tables\" or \"glue\", but was %s", service);
    ValidationException.check(region != null && !region.isBlank(), "signedFor needs the AWS region, e.g. "
        + "\"eu-west-1\", but was %s", region);
    AwsCatalogs.require("IcebergCatalog.signedFor", AwsCatalogs.SIGV4);
    return with("rest.auth.type", "sigv4").with("rest.auth.sigv4.delegate-auth-type", "none")
        .with("rest.signing-name", service).with("rest.signing-region", region);
  }

  /** Any catalog, by its Iceberg properties ({@code catalog-impl} or {@code type}, {@code uri}, ...). */
  public static IcebergCatalog of(String name, Map<String, String> properties) {
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.putIfAbsent(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName());
    return new IcebergCatalog(name, props);
  }

  /** The same catalog with one more property (e.g. {@code jdbc.user}, {@code credential}). */
  public IcebergCatalog with(String key, String value) {
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put(key, value);
    return new IcebergCatalog(name, props);
  }

  /** A sink that appends rows to the table {@code namespace.table}, creating it from the rows when absent. */
  public <T> IcebergSink<T> table(String identifier) {
    return new IcebergSink<>(this, identifier);
  }

  /** Loads a table. */
  public Table load(String identifier) {
    try {
      return catalog().loadTable(TableIdentifier.parse(identifier));
    } catch (RuntimeException e) {
      throw CatalogFailures.explain(this, e);
    }
  }

  /** True when the table exists; an unreachable catalog fails with the fix named ({@link CatalogFailures}). */
  boolean exists(String identifier) {
    try {
      return catalog().tableExists(TableIdentifier.parse(identifier));
    } catch (RuntimeException e) {
      throw CatalogFailures.explain(this, e);
    }
  }

  /** The Iceberg catalog, created once per JVM for these properties. */
  public Catalog catalog() {
    return CATALOGS.computeIfAbsent(properties, this::build);
  }

  private Catalog build(Map<String, String> props) {
    String uri = props.getOrDefault(CatalogProperties.URI, "");
    if (!JdbcCatalog.class.getName().equals(props.get(CatalogProperties.CATALOG_IMPL))
        || !uri.startsWith("jdbc:sqlite:")) {
      return CatalogUtil.buildIcebergCatalog(name, props, null);
    }
    int clients = PropertyUtil.propertyAsInt(props, CatalogProperties.CLIENT_POOL_SIZE,
        CatalogProperties.CLIENT_POOL_SIZE_DEFAULT);
    JdbcCatalog jdbc = new JdbcCatalog(
        io -> CatalogUtil.loadFileIO(io.getOrDefault(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName()), io,
            null),
        pool -> new SqliteCatalogPool(clients, uri, pool), true);
    jdbc.initialize(name, props);
    return jdbc;
  }

  /** The warehouse location the catalog puts new tables under ({@code file:///…/iceberg}, {@code s3://…}). */
  public String warehouse() {
    return properties.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, "");
  }

  /** The catalog's properties, as given (they may hold credentials: never log them; {@link #toString} hides them). */
  Map<String, String> properties() {
    return properties;
  }

  /** The catalog's properties with secrets left out (for messages and logs). */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((k, v) -> shown.put(k, k.contains("password") || k.contains("secret") || k.contains("token")
        || k.contains("credential") ? "****" : v));
    return "IcebergCatalog" + shown;
  }
}
