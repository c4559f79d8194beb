package dev.lake.cli;

import dev.lake.io.ObjectStores;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Option;

/**
 * The options {@code ls}, {@code show}, {@code query} and {@code chart} take to include the Iceberg tables of a
 * warehouse: {@code --warehouse <dir>} (or {@code --catalog-uri}), and {@code --snapshot <id>} to read a table at an
 * earlier snapshot. Without {@code --warehouse} the warehouse is {@code $LAKE_ICEBERG}, else {@code <lake>/iceberg}
 * when it holds a {@code catalog.db} (where {@code IcebergCatalog.local} keeps its catalog), else none.
 *
 * <pre>{@code
 * @Mixin IcebergOption iceberg;
 * IcebergCatalog catalog = iceberg.catalog(root, root.lake);   // null: no warehouse
 * }</pre>
 */
final class IcebergOption {
  @Option(names = {"--warehouse", "-w"}, paramLabel = "<dir>", description = "An Iceberg warehouse whose tables "
      + "to include: a directory with Lake's catalog.db (default: $LAKE_ICEBERG, else <lake>/iceberg if it has one).")
  String warehouse;

  @Option(names = "--catalog-uri", paramLabel = "<jdbc-url>", description = "A JDBC Iceberg catalog "
      + "(jdbc:sqlite:..., jdbc:postgresql://...) whose tables live under --warehouse.")
  String catalogUri;

  @Option(names = "--snapshot", paramLabel = "<id>", description = "Read the Iceberg table that has this snapshot "
      + "as of it (time travel) instead of its newest; repeatable. 'lake iceberg snapshots <table>' lists them.")
  List<Long> snapshots = new ArrayList<>();

  /** True when a warehouse was named on the command line (the lake root may then be absent). */
  boolean named() {
    return warehouse != null || catalogUri != null;
  }

  /**
   * The warehouse's catalog, or null when none is named or found next to the lake. An s3:// warehouse goes through
   * {@code --s3-endpoint} when one is given, as the lake root does.
   */
  IcebergCatalog catalog(RootOption root, String lakeLocation) {
    if (catalogUri != null) {
      if (warehouse == null) {
        throw new CliException("--catalog-uri needs --warehouse <dir|s3://bucket/prefix>: where its tables live");
      }
      URI at = ObjectStores.toUri(warehouse);
      if (root.s3Endpoint != null && "s3".equals(at.getScheme())) {
        ObjectStores.register(URI.create("s3://" + at.getAuthority()),
            dev.lake.sink.s3.S3ObjectStore.builder().endpointOverride(root.s3Endpoint).pathStyle(true).build());
      }
      return IcebergCatalog.jdbc(catalogUri, warehouse);
    }
    String dir = warehouse != null ? warehouse : System.getenv("LAKE_ICEBERG");
    if (dir != null) {
      if (!Files.exists(Path.of(dir).resolve("catalog.db"))) {
        throw new CliException("No Iceberg warehouse at " + Path.of(dir).toAbsolutePath() + " (no catalog.db): pass "
            + "--warehouse <dir> where IcebergCatalog.local wrote, or --catalog-uri for another catalog");
      }
      return IcebergCatalog.local(dir);
    }
    URI lakeRoot = lakeLocation == null ? null : ObjectStores.toUri(lakeLocation);
    if (lakeRoot != null && "file".equals(lakeRoot.getScheme())
        && Files.exists(Path.of(lakeRoot).resolve("iceberg/catalog.db"))) {
      return IcebergCatalog.local(Path.of(lakeRoot).resolve("iceberg").toString());
    }
    if (!snapshots.isEmpty()) {
      throw new CliException("--snapshot reads an Iceberg table, but no warehouse was found: pass --warehouse <dir>");
    }
    return null;
  }

  /** The lake root, or null when a warehouse is named and the lake root does not exist (Iceberg tables only). */
  OpenedLake lake(RootOption root, String location) {
    if (named()) {
      URI uri = ObjectStores.toUri(location);
      if ("file".equals(uri.getScheme()) && !Files.isDirectory(Path.of(uri).resolve("_lake"))) {
        return null;
      }
    }
    return root.open(location);
  }

  /**
   * The catalog's tables, each with the snapshot to read: a {@code --snapshot} id picks the table that has it;
   * other tables are read at their newest snapshot (null).
   */
  Map<TableIdentifier, Long> tables(IcebergCatalog catalog) {
    Map<TableIdentifier, Long> out = new LinkedHashMap<>();
    IcebergCommand.tables(catalog.catalog()).forEach(id -> out.put(id, null));
    for (long id : snapshots) {
      TableIdentifier owner = null;
      for (TableIdentifier t : out.keySet()) {
        if (catalog.catalog().loadTable(t).snapshot(id) != null) {
          owner = t;
        }
      }
      if (owner == null) {
        throw new CliException("--snapshot " + id + ": no Iceberg table in the warehouse has this snapshot (expired, "
            + "or a typo); 'lake iceberg snapshots <table>' lists a table's snapshots. Tables: " + out.keySet());
      }
      out.put(owner, id);
    }
    return out;
  }

  /** The snapshot to read of one table: the {@code --snapshot} it has, or null for its newest. */
  Long snapshotOf(Table table) {
    Long picked = null;
    for (long id : snapshots) {
      if (table.snapshot(id) == null) {
        throw new CliException("--snapshot " + id + ": Iceberg table " + table.name() + " has no such snapshot; "
            + "'lake iceberg snapshots " + IcebergViews.name(table) + "' lists them");
      }
      picked = id;
    }
    return picked;
  }

  /** A DuckDB session over the lake's datasets (if the lake exists) and the warehouse's Iceberg tables. */
  DuckSession session(RootOption root, java.io.PrintWriter err) {
    OpenedLake lake = lake(root, root.lake);
    IcebergCatalog catalog = catalog(root, root.lake);
    return DuckSession.open(lake, err, catalog, catalog == null ? Map.of() : tables(catalog));
  }
}
