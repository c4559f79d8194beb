package dev.lake.cli;

import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergMaintenance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.util.SnapshotUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lake iceberg}: the Iceberg tables of a warehouse ({@code ls}), a table's snapshots with the runs and splits
 * Lake committed in them ({@code snapshots}), and their upkeep ({@code compact}, {@code expire},
 * {@code remove-orphans}, see {@link IcebergMaintenance}).
 *
 * <pre>{@code
 * lake iceberg ls --warehouse ./lake/iceberg
 * lake iceberg snapshots retail.online_retail
 * lake iceberg expire retail.online_retail --older-than 7d --retain-last 10
 * }</pre>
 */
@Command(name = "iceberg", mixinStandardHelpOptions = true,
    description = "Iceberg tables Lake writes: list them, their snapshots, and keep them tidy.",
    subcommands = {IcebergCommand.Ls.class, IcebergCommand.Snapshots.class, IcebergCommand.Compact.class,
        IcebergCommand.Expire.class, IcebergCommand.RemoveOrphans.class},
    footer = {"", "Examples:", "  lake iceberg ls --warehouse ./lake/iceberg",
        "  lake iceberg snapshots retail.online_retail",
        "  lake iceberg compact retail.online_retail",
        "  lake iceberg expire retail.online_retail --older-than 7d --retain-last 10",
        "  lake iceberg remove-orphans retail.online_retail --older-than 3d"})
final class IcebergCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The {@code --warehouse} option: a local warehouse (its SQLite catalog) or a JDBC catalog URL. */
  static final class WarehouseOption {
    @Option(names = {"--warehouse", "-w"}, paramLabel = "<dir>", defaultValue = "${env:LAKE_ICEBERG:-./lake/iceberg}",
        description = "The warehouse: a directory with Lake's catalog.db (default: $LAKE_ICEBERG, else "
            + "./lake/iceberg).")
    String warehouse;

    @Option(names = "--catalog-uri", paramLabel = "<jdbc-url>", description = "A JDBC catalog (jdbc:sqlite:..., "
        + "jdbc:postgresql://...) whose tables live under --warehouse.")
    String catalogUri;

    IcebergCatalog open() {
      if (catalogUri != null) {
        return IcebergCatalog.jdbc(catalogUri, warehouse);
      }
      Path dir = Path.of(warehouse);
      if (!Files.exists(dir.resolve("catalog.db"))) {
        throw new CliException("No Iceberg warehouse at " + dir.toAbsolutePath() + " (no catalog.db): pass "
            + "--warehouse <dir> where IcebergCatalog.local wrote, or --catalog-uri for another catalog");
      }
      return IcebergCatalog.local(warehouse);
    }
  }

  static Table load(IcebergCatalog catalog, String name) {
    TableIdentifier id = parse(name);
    if (!catalog.catalog().tableExists(id)) {
      throw new CliException("No Iceberg table " + name + "; tables are " + tables(catalog.catalog()));
    }
    return catalog.catalog().loadTable(id);
  }

  private static TableIdentifier parse(String name) {
    if (!name.contains(".")) {
      throw new CliException("An Iceberg table is named namespace.table, e.g. retail.online_retail; got " + name);
    }
    return TableIdentifier.parse(name);
  }

  static List<TableIdentifier> tables(Catalog catalog) {
    if (!(catalog instanceof SupportsNamespaces ns)) {
      return List.of();
    }
    return ns.listNamespaces(Namespace.empty()).stream().flatMap(n -> catalog.listTables(n).stream())
        .sorted(java.util.Comparator.comparing(TableIdentifier::toString)).toList();
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "Lists the warehouse's tables.")
  static final class Ls implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse;

    @Override
    public Integer call() {
      IcebergCatalog catalog = warehouse.open();
      TextTable t = new TextTable("table", "rows", "data files", "size", "snapshots", "last commit");
      for (TableIdentifier id : tables(catalog.catalog())) {
        Table table = catalog.catalog().loadTable(id);
        Snapshot s = table.currentSnapshot();
        Map<String, String> sum = s == null ? Map.of() : s.summary();
        int snapshots = 0;
        for (Snapshot ignored : table.snapshots()) {
          snapshots++;
        }
        t.row(id.toString(), Long.parseLong(sum.getOrDefault("total-records", "0")),
            Long.parseLong(sum.getOrDefault("total-data-files", "0")),
            Format.bytes(Long.parseLong(sum.getOrDefault("total-files-size", "0"))), (long) snapshots,
            s == null ? "" : Format.time(Instant.ofEpochMilli(s.timestampMillis())));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(t.isEmpty() ? "No Iceberg tables in " + warehouse.warehouse + "\n" : t.toString());
      return 0;
    }
  }

  @Command(name = "snapshots", mixinStandardHelpOptions = true,
      description = "A table's snapshots, newest first, with the Lake run and the input splits of each.")
  static final class Snapshots implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse;

    @Parameters(paramLabel = "<table>", description = "namespace.table")
    String table;

    @Override
    public Integer call() {
      Table t = load(warehouse.open(), table);
      TextTable out = new TextTable("snapshot", "committed", "operation", "added rows", "run", "splits");
      for (Snapshot s : SnapshotUtil.currentAncestors(t)) {
        Map<String, String> sum = s.summary();
        String splits = sum.getOrDefault("lake.splits", "");
        long count = splits.isEmpty() || splits.equals("[]") ? 0 : splits.split("\",\"").length;
        out.row(String.valueOf(s.snapshotId()), Format.time(Instant.ofEpochMilli(s.timestampMillis())),
            s.operation(), Long.parseLong(sum.getOrDefault("added-records", "0")),
            sum.getOrDefault("lake.run-id", ""), count);
      }
      spec.commandLine().getOut().print(out.plainNumbers());
      return 0;
    }
  }

  @Command(name = "compact", mixinStandardHelpOptions = true,
      description = "Merges each partition's small files into one, in one snapshot.")
  static final class Compact implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse;

    @Parameters(paramLabel = "<table>", description = "namespace.table")
    String table;

    @Option(names = "--target-mb", defaultValue = "128", description = "Target file size in MiB (default: "
        + "${DEFAULT-VALUE}).")
    long targetMb;

    @Override
    public Integer call() {
      IcebergCatalog catalog = warehouse.open();
      load(catalog, table);
      int files = IcebergMaintenance.of(catalog, table).compact(targetMb << 20);
      spec.commandLine().getOut().println(files == 0 ? table + ": nothing to compact (no partition holds two "
          + "small files without deletes)" : table + ": " + files + " small files compacted");
      return 0;
    }
  }

  @Command(name = "expire", mixinStandardHelpOptions = true,
      description = "Expires old snapshots, keeping the split ledger whole, and deletes the files only they needed.")
  static final class Expire implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse;

    @Parameters(paramLabel = "<table>", description = "namespace.table")
    String table;

    @Option(names = "--older-than", paramLabel = "<age>", defaultValue = "7d",
        description = "Keep every snapshot younger than this: 90m, 24h, 7d (default: ${DEFAULT-VALUE}).")
    String olderThan;

    @Option(names = "--retain-last", paramLabel = "<n>", defaultValue = "10",
        description = "Keep the newest n snapshots however old (default: ${DEFAULT-VALUE}).")
    int retainLast;

    @Override
    public Integer call() {
      if (retainLast < 1) {
        throw new CliException("--retain-last " + retainLast + ": keep at least 1 snapshot (the current one)");
      }
      IcebergCatalog catalog = warehouse.open();
      load(catalog, table);
      Duration age = ExpireCommand.parseAge(olderThan);
      int expired = IcebergMaintenance.of(catalog, table).expireSnapshots(Instant.now().minus(age), retainLast);
      spec.commandLine().getOut().println(table + ": " + (expired == 0 ? "no snapshot expired"
          : expired + (expired == 1 ? " snapshot" : " snapshots") + " expired; their splits stay in the ledger"));
      return 0;
    }
  }

  @Command(name = "remove-orphans", mixinStandardHelpOptions = true,
      description = "Deletes files under the table that nothing references (what killed runs left).")
  static final class RemoveOrphans implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse;

    @Parameters(paramLabel = "<table>", description = "namespace.table")
    String table;

    @Option(names = "--older-than", paramLabel = "<age>", defaultValue = "3d",
        description = "Only files last modified longer ago than this, at least 1h (default: ${DEFAULT-VALUE}).")
    String olderThan;

    @Override
    public Integer call() {
      IcebergCatalog catalog = warehouse.open();
      load(catalog, table);
      Duration age = ExpireCommand.parseAge(olderThan);
      if (age.compareTo(IcebergMaintenance.MIN_ORPHAN_AGE) < 0) {
        throw new CliException("--older-than " + olderThan + ": at least 1h, so that no file a running job is "
            + "writing is taken for an orphan");
      }
      int removed = IcebergMaintenance.of(catalog, table).removeOrphanFiles(age).size();
      spec.commandLine().getOut().println(table + ": " + removed + (removed == 1 ? " orphan file" : " orphan files")
          + " removed");
      return 0;
    }
  }
}
