package dev.lake.examples;

import dev.lake.Lake;
import dev.lake.WriteMode;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStores;
import dev.lake.io.Sink;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergSink;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The examples' datasets as Apache Iceberg tables (format version 2) in one catalog, each partitioned the way its
 * queries filter: Online Retail by {@code month(invoice_date)} (hidden partitioning), the invoice lines upserted by
 * {@code invoice_no, line} (a corrected invoice replaces its lines) and bucketed by invoice, the tweets upserted by
 * {@code tweet_id} (a tweet found again in a later page is stored once), the other tables partitioned by the same
 * columns as their Hive-style datasets. Append, overwrite and upsert each commit one snapshot per run, with the
 * run's input splits in it, so a re-run adds nothing. Needs {@code dev.lake:lake-iceberg} on the class path.
 *
 * <pre>{@code
 * Lake lake = Lake.at("./lake");
 * Destination to = IcebergDestination.of(lake, IcebergDestination.catalog(lake.root(), null, null, Path.of(".")));
 * OnlineRetail.pipeline(data, to).run();     // -> Iceberg table retail.online_retail in ./lake/iceberg/
 * }</pre>
 */
public final class IcebergDestination implements Destination {
  private static final long serialVersionUID = 1L;

  /** An example dataset's table: its name, partition terms (null: the dataset's own columns) and upsert key. */
  private record Layout(String table, List<String> partitionBy, List<String> upsertKey) {}

  private static final Map<String, Layout> LAYOUTS = Map.ofEntries(
      Map.entry("online_retail", new Layout("retail.online_retail", List.of("month(invoice_date)"), List.of())),
      Map.entry("invoices", new Layout("retail.invoices", List.of("bucket(16, invoice_no)"),
          List.of("invoice_no", "line"))),
      Map.entry("songs", new Layout("sparkify.songs", null, List.of())),
      Map.entry("artists", new Layout("sparkify.artists", null, List.of())),
      Map.entry("users", new Layout("sparkify.users", null, List.of())),
      Map.entry("time", new Layout("sparkify.time", null, List.of())),
      Map.entry("songplays", new Layout("sparkify.songplays", null, List.of())),
      Map.entry("team_matches", new Layout("xg.team_matches", null, List.of())),
      Map.entry("team_season", new Layout("xg.team_season", null, List.of())),
      Map.entry("tweets", new Layout("twitter.tweets", List.of("date"), List.of("tweet_id", "date"))),
      Map.entry("fixtures", new Layout("football.fixtures", null, List.of())),
      Map.entry("fixture_statistics", new Layout("football.fixture_statistics", null, List.of())),
      Map.entry("team_codes", new Layout("football.team_codes", null, List.of())),
      Map.entry("tweets_sentiment", new Layout("football.tweets_sentiment", null, List.of())));

  private final Lake lake;
  private final IcebergCatalog catalog;
  private final String where;

  private IcebergDestination(Lake lake, IcebergCatalog catalog, String where) {
    this.lake = lake;
    this.catalog = catalog;
    this.where = where;
  }

  /** Tables in {@code catalog}; run reports, cursors and rejected rows in {@code lake}. */
  public static IcebergDestination of(Lake lake, IcebergCatalog catalog) {
    return new IcebergDestination(lake, catalog, catalog.toString());
  }

  /**
   * Tables in the catalog {@link #catalog(URI, String, String, Path)} resolves from these settings; run reports,
   * cursors and rejected rows in {@code lake}.
   */
  public static IcebergDestination of(Lake lake, String warehouse, String catalogUri, Path localCatalogDir) {
    IcebergCatalog catalog = catalog(lake.root(), warehouse, catalogUri, localCatalogDir);
    URI dir = warehouseOf(lake.root(), warehouse);
    String named = catalogUri == null ? null : catalogUri.replaceFirst("\\?.*", "?…"); // a query may hold a password
    String where = dir + " (catalog " + (named != null ? named : "file".equals(dir.getScheme())
        ? "catalog.db there" : localCatalogDir.toAbsolutePath().resolve("iceberg-catalog.db").toString()) + ")";
    return new IcebergDestination(lake, catalog, where);
  }

  private static URI warehouseOf(URI lakeRoot, String warehouse) {
    String root = lakeRoot.toString();
    URI dir = warehouse != null && warehouse.matches("^file:/[^/].*") ? URI.create(warehouse)
        : warehouse != null ? ObjectStores.toUri(warehouse) : URI.create(root + (root.endsWith("/") ? "" : "/") + "iceberg/");
    // file:/dir and file:///dir name the same directory; the catalog's locations need the second spelling
    return directory("file".equals(dir.getScheme()) ? Path.of(dir).toUri() : dir);
  }

  private static URI directory(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }

  /** Where the tables are: the warehouse and its catalog (without secrets). */
  public String where() {
    return where;
  }

  /**
   * The catalog the examples use: tables under {@code warehouse} (default {@code <lake>/iceberg/}); a JDBC catalog
   * at {@code catalogUri} ({@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}), an Iceberg REST catalog when it
   * is an {@code http(s)://} URL, or by default an SQLite {@code catalog.db}: in the warehouse when that is a
   * directory, else in {@code localCatalogDir} (null: no default, the catalog must be named).
   */
  public static IcebergCatalog catalog(URI lakeRoot, String warehouse, String catalogUri, Path localCatalogDir) {
    URI dir = warehouseOf(lakeRoot, warehouse);
    if (catalogUri != null && (catalogUri.startsWith("http://") || catalogUri.startsWith("https://"))) {
      return IcebergCatalog.rest(catalogUri, dir.toString());
    }
    if (catalogUri != null) {
      ValidationException.check(catalogUri.startsWith("jdbc:sqlite:") || catalogUri.startsWith("jdbc:postgresql:"),
          "Iceberg catalog %s: use jdbc:sqlite:<file>, jdbc:postgresql://host/db or an Iceberg REST URL "
              + "(https://…)", catalogUri.replaceFirst("\\?.*", "?…"));
      return IcebergCatalog.jdbc(catalogUri, dir.toString());
    }
    if ("file".equals(dir.getScheme())) {
      return IcebergCatalog.local(dir.toString());
    }
    ValidationException.check(localCatalogDir != null, "The Iceberg warehouse %s is not a local directory: name "
        + "its catalog (a jdbc:postgresql:// URL, or an Iceberg REST endpoint such as S3 Tables' or Glue's)", dir);
    Path db = localCatalogDir.toAbsolutePath().resolve("iceberg-catalog.db");
    try {
      java.nio.file.Files.createDirectories(db.getParent());
    } catch (java.io.IOException e) {
      throw new ValidationException("Cannot create the directory of the Iceberg catalog " + db + ": "
          + e.getMessage());
    }
    return IcebergCatalog.jdbc("jdbc:sqlite:" + db, dir.toString());
  }

  @Override
  public Lake lake() {
    return lake;
  }

  public IcebergCatalog catalog() {
    return catalog;
  }

  /** The Iceberg table ({@code namespace.table}) of an example's dataset. */
  public static String table(String dataset) {
    Layout layout = LAYOUTS.get(dataset);
    return layout != null ? layout.table() : "lake." + dataset;
  }

  @Override
  public <T> Sink<T> sink(String dataset, WriteMode mode, String... partitionBy) {
    Layout layout = LAYOUTS.getOrDefault(dataset, new Layout(table(dataset), null, List.of()));
    IcebergSink<T> sink = catalog.<T>table(layout.table()).partitionBy(layout.partitionBy() == null ? partitionBy
        : layout.partitionBy().toArray(String[]::new));
    return layout.upsertKey().isEmpty() ? sink.mode(mode) : sink.upsertBy(layout.upsertKey().toArray(String[]::new));
  }

  @Override
  public String describe(String dataset) {
    return "Iceberg table " + table(dataset);
  }

  @Override
  public boolean inLake() {
    return false;
  }
}
