package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every example takes: where the lake is, where the input data is, how the datasets are stored (Hive-style
 * Parquet or Iceberg tables) and which SQL warehouse to use.
 *
 * <pre>{@code
 * @Mixin CommonOptions options;
 * Lake lake = options.lake();
 * Warehouse warehouse = options.warehouse();
 * }</pre>
 */
public final class CommonOptions {
  @Option(names = "--lake", defaultValue = "./lake", description = "Lake root: a directory or s3://bucket/prefix "
      + "(default: ${DEFAULT-VALUE}).")
  String lake;

  @Option(names = "--data", description = "Input data folder (default: the bundled ./data of this repository).")
  String data;

  @Option(names = "--s3-endpoint", description = "Endpoint of an S3-compatible store (s3proxy, MinIO, LocalStack) "
      + "for an s3:// lake, e.g. http://127.0.0.1:9000; path-style access. Credentials and region come from the "
      + "AWS default chains (AWS_ACCESS_KEY_ID, AWS_REGION, ...).")
  URI s3Endpoint;

  @Option(names = "--warehouse", paramLabel = "<jdbc-url>", description = "SQL warehouse the datasets are loaded "
      + "into and queried in: jdbc:duckdb:<file> or jdbc:postgresql://host:port/db?user=…&password=… (default: "
      + "jdbc:duckdb:<lake>/warehouse.duckdb for a local lake, jdbc:duckdb:./warehouse.duckdb in the working "
      + "directory for an s3:// lake).")
  String warehouse;

  /** How the examples' datasets are stored. */
  public enum Format {
    /** Lake's processed zone: Hive-style Snappy Parquet with Lake's manifests (the default). */
    PARQUET,
    /** Apache Iceberg tables (format version 2) in a catalog: see {@link IcebergDestination}. */
    ICEBERG
  }

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|iceberg", description = "How the "
      + "datasets are stored: parquet (Hive-style Parquet under <lake>/processed/, the default) or iceberg (Apache "
      + "Iceberg tables, e.g. retail.online_retail, in --iceberg-warehouse).")
  Format format;

  @Option(names = "--iceberg-warehouse", paramLabel = "<dir or s3://…>", description = "With --format iceberg: "
      + "where the tables' files go (default: <lake>/iceberg/).")
  String icebergWarehouse;

  @Option(names = "--iceberg-catalog", paramLabel = "<url>", description = "With --format iceberg: the catalog, "
      + "jdbc:sqlite:<file>, jdbc:postgresql://host/db?user=…&password=… or an Iceberg REST endpoint https://… "
      + "(default: the SQLite file catalog.db in a local --iceberg-warehouse, ./iceberg-catalog.db in the working "
      + "directory for an s3:// one).")
  String icebergCatalog;

  @Option(names = "--verbose", description = "Log what the library does, and print the stack trace of an error.")
  boolean verbose;

  /** The lake of {@code --lake}; a usage mistake when it is a file or {@code --s3-endpoint} has no s3:// lake. */
  public Lake lake() {
    URI root = ObjectStores.toUri(lake);
    if ("file".equals(root.getScheme()) && Files.exists(Path.of(root)) && !Files.isDirectory(Path.of(root))) {
      throw new UsageException("--lake " + lake + " is a file: pass a directory (created if missing) or "
          + "s3://bucket/prefix");
    }
    if (s3Endpoint != null) {
      if (!"s3".equals(root.getScheme())) {
        throw new UsageException("--s3-endpoint needs an s3:// lake, e.g. --lake s3://bucket/lake; got --lake "
            + lake);
      }
      ObjectStores.register(URI.create("s3://" + root.getAuthority()),
          S3ObjectStore.builder().endpointOverride(s3Endpoint).pathStyle(true).build());
    }
    return Lake.at(root);
  }

  /** Whether the datasets are stored as Iceberg tables ({@code --format iceberg}). */
  public boolean iceberg() {
    return format == Format.ICEBERG;
  }

  /**
   * Where the datasets land: the lake's processed zone, or with {@code --format iceberg} the Iceberg catalog of
   * {@code --iceberg-warehouse} and {@code --iceberg-catalog}; a usage mistake when those are given without it.
   */
  public Destination destination() {
    Lake lake = lake();
    if (!iceberg()) {
      if (icebergWarehouse != null || icebergCatalog != null) {
        throw new UsageException((icebergWarehouse != null ? "--iceberg-warehouse" : "--iceberg-catalog")
            + " needs --format iceberg (the datasets are Hive-style Parquet under " + lake.uri("processed/")
            + " otherwise)");
      }
      return Destination.processed(lake);
    }
    if (warehouse != null) {
      throw new UsageException("--warehouse loads the Hive-style datasets into SQL, which --format iceberg does not "
          + "write: leave one of them out (Spark, Trino and Athena read the Iceberg tables through the catalog)");
    }
    return IcebergDestination.of(lake, icebergWarehouse, icebergCatalog, Path.of(""));
  }

  /** {@code args} with this command's --warehouse and --s3-endpoint, if given (for commands that run others). */
  String[] passOn(String[] args) {
    java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(args));
    if (warehouse != null) {
      out.addAll(java.util.List.of("--warehouse", warehouse));
    }
    if (s3Endpoint != null) {
      out.addAll(java.util.List.of("--s3-endpoint", s3Endpoint.toString()));
    }
    if (verbose) {
      out.add("--verbose");
    }
    out.addAll(java.util.List.of("--format", format.name().toLowerCase(java.util.Locale.ROOT)));
    if (icebergWarehouse != null) {
      out.addAll(java.util.List.of("--iceberg-warehouse", icebergWarehouse));
    }
    if (icebergCatalog != null) {
      out.addAll(java.util.List.of("--iceberg-catalog", icebergCatalog));
    }
    return out.toArray(String[]::new);
  }

  /** The warehouse of {@code --warehouse}, or the default DuckDB file (see the option's description). */
  public Warehouse warehouse() {
    try {
      return Warehouse.of(warehouse != null ? warehouse : defaultWarehouse(ObjectStores.toUri(lake)));
    } catch (IllegalArgumentException | ValidationException e) { // a bad --warehouse, or a --lake that is no URI
      throw new UsageException(e.getMessage(), e);
    }
  }

  static String defaultWarehouse(URI lakeRoot) {
    Path file = "file".equals(lakeRoot.getScheme()) ? Path.of(lakeRoot).resolve("warehouse.duckdb")
        : Path.of("warehouse.duckdb").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create the directory of the warehouse " + file, e);
    }
    return "jdbc:duckdb:" + file;
  }

  /** The data folder as a directory URI. */
  public URI data() {
    if (data != null) {
      return directory(ObjectStores.toUri(data));
    }
    for (Path candidate : new Path[] {Path.of("data"), Path.of("../data"), jarRelative()}) {
      if (candidate != null && Files.isDirectory(candidate.resolve("online_retail"))) {
        return directory(candidate.toAbsolutePath().normalize().toUri());
      }
    }
    throw new UsageException("Cannot find the bundled data folder (./data with online_retail/ inside): run "
        + "from the repository root or pass --data <dir>");
  }

  /**
   * The data folder, checked before any run: on the local file system each of {@code folders} (relative, e.g.
   * {@code "online_retail/by-day/"}) must be a directory in it, or the command would fail halfway.
   */
  public URI data(String... folders) {
    URI root = data();
    if (!"file".equals(root.getScheme())) {
      return root; // an s3:// folder is checked by the source, which names what it did not find
    }
    Path dir = Path.of(root);
    String given = data != null ? "--data " + data : "The data folder " + dir;
    if (!Files.isDirectory(dir)) {
      throw new UsageException(given + ": no such directory. Pass a folder of the bundled data's shape (see "
          + "data/README.md), or leave --data out to use the repository's data/");
    }
    for (String folder : folders) {
      if (!Files.isDirectory(dir.resolve(folder))) {
        throw new UsageException(given + " has no " + folder + " folder, which this command reads. Pass a folder "
            + "of the bundled data's shape (" + folder + " inside), or leave --data out to use the repository's "
            + "data/");
      }
    }
    return root;
  }

  private static Path jarRelative() {
    try {
      Path jar = Path.of(CommonOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent() == null || jar.getParent().getParent() == null ? null
          : jar.getParent().getParent().getParent().resolve("data");
    } catch (Exception e) {
      return null;
    }
  }

  private static URI directory(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }
}
