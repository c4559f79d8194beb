package dev.lake.loader.warehouse;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.TableSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Loads the newest commit of a lake dataset into a warehouse table, in one transaction. Immutable: every
 * {@code with}-style call returns a copy; {@link #run()} validates, then loads.
 *
 * <pre>{@code
 * // given: javax.sql.DataSource dataSource
 * LoadReport r = WarehouseLoad.of(lake, "online_retail")
 *     .into(Dialect.POSTGRES, dataSource)                 // or (Dialect.DUCKDB, ds), or into(redshiftDataApi)
 *     .table("public", "online_retail")
 *     .mode(LoadMode.MERGE).mergeKeys("invoice_no", "stock_code")
 *     .run();
 * }</pre>
 *
 * <p>The table is created from the dataset's schema when absent. A new nullable column in the dataset is added to
 * the table ({@code ALTER TABLE … ADD COLUMN}); an incompatible change fails before any data moves. On Redshift
 * the dataset must live on S3: the load writes a COPY manifest per partition under
 * {@code <root>/_lake/copy-manifests/}, copies each into a staging table (partition columns are directory names,
 * not Parquet columns) and inserts the rows with their partition values. The caller's {@link DataSource} and
 * Data API client are used as they are and never closed.
 */
public final class WarehouseLoad implements dev.lake.iam.DeclaresPermissions {
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private final Lake lake;
  private final String dataset;
  private final Dialect dialect;
  private final DataSource dataSource;
  private final RedshiftDataApi dataApi;
  private final TableName table;
  private final LoadMode mode;
  private final List<String> mergeKeys;
  private final String iamRole;
  private final String distKey;
  private final String distStyle;
  private final List<String> sortKeys;
  private final Map<String, String> encodings;
  private final java.util.function.Consumer<String> beforeCommit;
  private final TableSnapshot external;
  private final Lake staging;

  private WarehouseLoad(Lake lake, String dataset, Dialect dialect, DataSource dataSource, RedshiftDataApi dataApi,
      TableName table, LoadMode mode, List<String> mergeKeys, String iamRole, String distKey, String distStyle,
      List<String> sortKeys, Map<String, String> encodings, java.util.function.Consumer<String> beforeCommit,
      TableSnapshot external, Lake staging) {
    this.lake = lake;
    this.dataset = dataset;
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.dataApi = dataApi;
    this.table = table;
    this.mode = mode;
    this.mergeKeys = List.copyOf(mergeKeys);
    this.iamRole = iamRole;
    this.distKey = distKey;
    this.distStyle = distStyle;
    this.sortKeys = List.copyOf(sortKeys);
    this.encodings = Map.copyOf(encodings);
    this.beforeCommit = beforeCommit;
    this.external = external;
    this.staging = staging;
  }

  /** A load of {@code dataset} ("online_retail", or a path like "processed/online_retail") from {@code lake}. */
  public static WarehouseLoad of(Lake lake, String dataset) {
    Objects.requireNonNull(lake, "lake");
    ValidationException.check(dataset != null && !dataset.isBlank(), "A dataset name is required");
    return new WarehouseLoad(lake, dataset, null, null, null, null, LoadMode.APPEND, List.of(), null, null, null,
        List.of(), Map.of(), point -> {}, null, null);
  }

  /**
   * A load of a table snapshot that is not a Lake dataset: an Apache Iceberg snapshot, from lake-iceberg's
   * {@code IcebergRead.of(catalog, "retail.sales").asTableSnapshot()}. Loads are incremental and recorded like a
   * dataset's, by the snapshot's version and data files: an {@code APPEND} adds the rows of the data files added
   * since the last load; when a file was removed (compaction, overwrite) or the table has delete files (an upsert),
   * every row is loaded again in the same transaction, deletes applied. Into Redshift, whose COPY reads Parquet files
   * whole and by column position (not by Iceberg field id), the rows to load are read through the snapshot (deletes
   * applied, columns by field id), written once more as Parquet in the load's column order under
   * {@code <staging>/_lake/copy-staging/} ({@link #staging(String)}), copied from a COPY manifest in the transaction
   * that records the load, and deleted once it committed or rolled back; a load killed before that leaves them under
   * the prefix, and the next load into the same table deletes them.
   *
   * <pre>{@code
   * WarehouseLoad.of(IcebergRead.of(catalog, "retail.sales").asTableSnapshot())
   *     .into(redshiftDataApi).table("public.sales")
   *     .iamRole("arn:aws:iam::123456789012:role/lake-copy").staging("s3://my-bucket/lake")
   *     .run();
   * }</pre>
   */
  public static WarehouseLoad of(TableSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return new WarehouseLoad(null, snapshot.name(), null, null, null, null, LoadMode.APPEND, List.of(), null, null,
        null, List.of(), Map.of(), point -> {}, snapshot, null);
  }

  /** Loads over JDBC into a warehouse of {@code dialect}. The data source is the caller's: never closed here. */
  public WarehouseLoad into(Dialect dialect, DataSource dataSource) {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(dataSource, "dataSource");
    return copy(c -> {
      c.dialect = dialect;
      c.dataSource = dataSource;
      c.dataApi = null;
    });
  }

  /** Loads into Redshift through the Data API (no JDBC driver or connection pool: suits Lambda). */
  public WarehouseLoad into(RedshiftDataApi dataApi) {
    Objects.requireNonNull(dataApi, "dataApi");
    return copy(c -> {
      c.dialect = Dialect.REDSHIFT;
      c.dataSource = null;
      c.dataApi = dataApi;
    });
  }

  /** The target table: {@code "schema.table"} (split at the first dot) or a name in the default schema. */
  public WarehouseLoad table(String qualifiedName) {
    ValidationException.check(qualifiedName != null && !qualifiedName.isBlank(), "A table name is required");
    return table(TableName.parse(qualifiedName));
  }

  /** The target table in {@code schema}; either name may hold any characters (they are always quoted). */
  public WarehouseLoad table(String schema, String name) {
    ValidationException.check(schema != null && !schema.isEmpty() && name != null && !name.isEmpty(),
        "table(schema, name) needs a schema and a table name");
    return table(new TableName(schema, name));
  }

  private WarehouseLoad table(TableName t) {
    return copy(c -> c.table = t);
  }

  /** How the table changes: {@link LoadMode#APPEND} (default), {@code REPLACE} or {@code MERGE}. */
  public WarehouseLoad mode(LoadMode value) {
    Objects.requireNonNull(value, "mode");
    return copy(c -> c.mode = value);
  }

  /** The key columns a {@link LoadMode#MERGE} matches rows on. */
  public WarehouseLoad mergeKeys(String... columns) {
    return copy(c -> c.mergeKeys = List.of(columns));
  }

  /** Redshift: the IAM role ARN that COPY reads S3 with. Required for Redshift loads; never logged. */
  public WarehouseLoad iamRole(String roleArn) {
    return copy(c -> c.iamRole = roleArn);
  }

  /**
   * Redshift loads of a {@link TableSnapshot}: the S3 location (a lake's root, e.g. {@code s3://my-bucket/lake})
   * under whose {@code _lake/copy-staging/} the rows to load are staged as Parquet for COPY, with their COPY manifest,
   * and deleted after the load. Required for them; refused for other loads.
   */
  public WarehouseLoad staging(String location) {
    ValidationException.check(location != null && !location.isBlank(),
        "A staging location is required, e.g. s3://my-bucket/lake");
    return copy(c -> c.staging = Lake.at(location));
  }

  /** Redshift: {@code DISTKEY(column)} (and {@code DISTSTYLE KEY}) for a table this load creates. */
  public WarehouseLoad distKey(String column) {
    return copy(c -> c.distKey = column);
  }

  /** Redshift: {@code DISTSTYLE AUTO | EVEN | ALL} for a table this load creates (without a distribution key). */
  public WarehouseLoad distStyle(String style) {
    return copy(c -> c.distStyle = style);
  }

  /** Redshift: {@code COMPOUND SORTKEY(columns)} for a table this load creates. */
  public WarehouseLoad sortKeys(String... columns) {
    return copy(c -> c.sortKeys = List.of(columns));
  }

  /** Redshift: the compression encoding of a column ({@code ZSTD}, {@code AZ64}, {@code RAW}, …). */
  public WarehouseLoad encode(String column, String encoding) {
    Map<String, String> added = new LinkedHashMap<>(encodings);
    added.put(column, encoding);
    return copy(c -> c.encodings = added);
  }

  /** Test hook: runs inside the transaction, after the data moved and its record was written, before the commit. */
  WarehouseLoad beforeCommit(Runnable hook) {
    return at(point -> {
      if (point.equals("recorded")) {
        hook.run();
      }
    });
  }

  /**
   * Test hook: hears each point of the load inside its transaction ({@code planned}, {@code file <n>} after each
   * file or partition moved over JDBC, {@code moved}, {@code recorded}), so a test can fail or kill it there.
   */
  WarehouseLoad at(java.util.function.Consumer<String> hook) {
    return copy(c -> c.beforeCommit = hook);
  }

  /**
   * Brings the table up to the dataset's newest commit, in one transaction that also records the version and the
   * files loaded (tables {@code lake_loads} and {@code lake_loaded_files} in the target's schema): {@code APPEND}
   * adds only the files committed since the last load (nothing when up to date); see {@link LoadMode}. A load that
   * fails or is killed at any point leaves the table and its record as they were, so running it again leaves every
   * row once.
   *
   * @throws ValidationException when the load is misconfigured (before any I/O on the warehouse)
   * @throws dev.lake.exceptions.SchemaException when the dataset no longer fits the table (before any data moves)
   * @throws dev.lake.exceptions.SinkException when the warehouse fails the load (the table is left as it was), or
   *     when an {@code APPEND} meets a table that holds rows but no record of loading this dataset (load it once
   *     with {@code REPLACE} to adopt it)
   */
  public LoadReport run() {
    return run(java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt()));
  }

  /** The load, with {@code suffix} naming its Redshift staging tables (tests fix it for golden statements). */
  LoadReport run(String suffix) {
    validate();
    Instant start = Instant.now();
    Snapshot snap = external != null ? Snapshot.of(external.refreshed()) : Snapshot.of(lake, dataset);
    for (String k : mergeKeys) {
      ValidationException.check(snap.columnNames().contains(k),
          "Merge key '%s' is not a column of dataset %s; its columns are %s", k, snap.dataset(), snap.columnNames());
    }
    Loaded loaded = dataApi != null ? new RedshiftLoader(this, snap, suffix).runDataApi(dataApi)
        : new JdbcLoader(this, snap).run(dataSource);
    LoadPlan plan = loaded.plan();
    return LoadReport.builder().dataset(snap.dataset()).version(snap.committed().version())
        .table(table.quoted(dialect)).mode(mode).rows(loaded.rows()).files(plan.files().size())
        .createdTable(loaded.created()).addedColumns(loaded.added()).duration(Duration.between(start, Instant.now()))
        .previousVersion(plan.previousVersion()).reloadedPartitions(plan.clearAll() ? -1 : plan.clear().size())
        .build();
  }

  /** An APPEND into a table whose rows did not come from recorded loads: appending would double them. */
  static dev.lake.exceptions.SinkException unrecordedRows(String table, String source) {
    return new dev.lake.exceptions.SinkException("warehouse", table + " holds rows but no record of loading "
        + source + " (loaded before Lake recorded loads, or by something else), so an APPEND cannot tell which rows "
        + "it has: load it once with LoadMode.REPLACE (or MERGE) to adopt it; nothing was loaded", null, false, 1);
  }

  /**
   * What the process running this load needs from IAM (the COPY role's own policy is {@link #copyRolePermissions}):
   * <ul>
   *   <li>JDBC to PostgreSQL or DuckDB: reading the dataset's newest commit from the lake (list and read its
   *   manifests, read its data files); nothing at all for a {@code file://} lake. The database connection is JDBC,
   *   not AWS: it needs no AWS permission;</li>
   *   <li>Redshift: list and read the dataset's manifests and write its COPY manifests under
   *   {@code _lake/copy-manifests/<dataset>/} (Redshift, not this process, reads the data files); through the Data
   *   API also what {@link RedshiftDataApi#permissions} lists but {@code BatchExecuteStatement}, since a load runs
   *   in one session (over JDBC the driver's login is not an IAM grant);</li>
   *   <li>a {@link TableSnapshot} into Redshift: reading the snapshot ({@link TableSnapshot#permissions}), and
   *   writing, listing, deleting and cleaning up incomplete uploads under this load's staging prefix only,
   *   {@code <staging>/_lake/copy-staging/<hash of the source and the table>/}; the Data API as above.</li>
   * </ul>
   * SSE-KMS on the lake's store adds its {@code kms:} grants, as for any lake access.
   *
   * <pre>{@code
   * IamPolicy loader = load.permissions(IamScope.of("eu-west-1", "123456789012"));
   * IamPolicy copyRole = load.copyRolePermissions(IamScope.of("eu-west-1", "123456789012"));
   * }</pre>
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    java.util.Objects.requireNonNull(scope, "scope");
    ValidationException.check(dialect != null,
        "No warehouse: call .into(Dialect, DataSource) or .into(RedshiftDataApi) before permissions()");
    if (external != null && dialect != Dialect.REDSHIFT) { // the table's catalog and files; JDBC needs no AWS grant
      return external.permissions(scope);
    }
    if (external != null) { // and staging its rows for COPY: write, then delete them and a killed run's leftovers
      dev.lake.iam.IamPolicy policy = external.permissions(scope).and(staging().store().permissions(stagingPrefix(),
          java.util.EnumSet.of(dev.lake.iam.Access.WRITE, dev.lake.iam.Access.LIST, dev.lake.iam.Access.DELETE,
              dev.lake.iam.Access.CLEAN_UP), scope));
      return dataApi == null ? policy : policy.and(dataApi.permissions(scope, false));
    }
    if (dialect != Dialect.REDSHIFT) {
      return lake.read(dataset).permissions(scope);
    }
    String path = datasetPath();
    dev.lake.iam.IamPolicy policy = lake.store().permissions(lake.uri("_lake/manifests/" + path + "/"),
        java.util.EnumSet.of(dev.lake.iam.Access.READ, dev.lake.iam.Access.LIST), scope)
        .and(lake.store().permissions(lake.uri(CopyManifests.PREFIX + path + "/"),
            java.util.EnumSet.of(dev.lake.iam.Access.WRITE), scope));
    return dataApi == null ? policy : policy.and(dataApi.permissions(scope, false)); // a load runs in a session
  }

  /**
   * The policy of the IAM role Redshift's COPY assumes ({@link #iamRole}): read this dataset's COPY manifests and
   * exactly its data files' prefix, nothing else (for a {@link TableSnapshot}: read this load's staging prefix
   * only, where its rows and manifest are staged). COPY with {@code MANIFEST} reads the objects the manifest lists;
   * with SSE-KMS on the lake's store, {@code kms:Decrypt} on the key too. Attach it to the role, and the role to the
   * cluster or namespace.
   *
   * <pre>{@code
   * Files.writeString(Path.of("copy-role.json"), load.copyRolePermissions(scope).toJson());
   * }</pre>
   */
  public dev.lake.iam.IamPolicy copyRolePermissions(dev.lake.iam.IamScope scope) {
    java.util.Objects.requireNonNull(scope, "scope");
    ValidationException.check(dialect == Dialect.REDSHIFT,
        "Only Redshift loads COPY with a role; this load is %s", dialect);
    var read = java.util.EnumSet.of(dev.lake.iam.Access.READ);
    if (external != null) { // COPY reads the staged rows and their manifest, never the table's files
      return staging().store().permissions(stagingPrefix(), read, scope);
    }
    String path = datasetPath();
    return lake.store().permissions(lake.uri(CopyManifests.PREFIX + path + "/"), read, scope)
        .and(lake.store().permissions(lake.uri(path + "/"), read, scope));
  }

  /** Where a table snapshot's rows are staged for this target table ({@link CopyStaging#prefix}). */
  private java.net.URI stagingPrefix() {
    ValidationException.check(staging != null && table != null, "A Redshift load of %s stages its rows for COPY: "
        + "call .staging(\"s3://bucket/prefix\") and .table(\"schema.table\") before asking for its permissions",
        dataset);
    return CopyStaging.prefix(staging, external.location(), table.quoted(Dialect.REDSHIFT));
  }

  /** The dataset's path in the lake, as {@link Lake#read} resolves a name: "online_retail" is processed/online_retail. */
  private String datasetPath() {
    String d = dataset.endsWith("/") ? dataset.substring(0, dataset.length() - 1) : dataset;
    return d.startsWith("processed/") || d.startsWith("raw/") || d.startsWith("rejected/") ? d
        : lake.processed(d).dataset();
  }

  private void validate() {
    ValidationException.check(dialect != null,
        "No warehouse: call .into(Dialect, DataSource) or .into(RedshiftDataApi) before run()");
    ValidationException.check(table != null, "No target table: call .table(\"schema.table\") before run()");
    ValidationException.check(mode != LoadMode.MERGE || !mergeKeys.isEmpty(),
        "LoadMode.MERGE needs key columns: call .mergeKeys(\"id\", ...)");
    ValidationException.check(staging == null || external != null && dialect == Dialect.REDSHIFT,
        "staging(%s) is for Redshift loads of a table snapshot; this load of %s into %s stages nothing: remove it",
        staging == null ? null : staging.root(), dataset, dialect);
    if (dialect == Dialect.REDSHIFT) {
      ValidationException.check(iamRole != null && !iamRole.isBlank(),
          "Redshift COPY needs an IAM role that can read the lake: call .iamRole(\"arn:aws:iam::…:role/…\")");
      ValidationException.check(external == null || staging != null, "Loading %s into Redshift stages its rows as "
          + "Parquet on S3 for COPY: call .staging(\"s3://bucket/prefix\") (files go under its _lake/copy-staging/)",
          dataset);
      ValidationException.check(external != null || "s3".equals(lake.root().getScheme()),
          "Redshift loads from S3, but the lake is at %s: use an s3:// lake, or Dialect.POSTGRES / DUCKDB",
          external != null ? null : lake.root());
      ValidationException.check(external == null || "s3".equals(staging.root().getScheme()),
          "Redshift's COPY reads from S3, but the staging location is %s: use an s3:// location",
          external == null ? null : staging.root());
      ValidationException.check(distStyle == null || KEYWORD.matcher(distStyle).matches(),
          "Invalid DISTSTYLE '%s': use AUTO, EVEN, ALL or KEY", distStyle);
      encodings.values().forEach(e -> ValidationException.check(e != null && KEYWORD.matcher(e).matches(),
          "Invalid column encoding '%s': use a Redshift encoding such as ZSTD, AZ64, LZO or RAW", e));
    }
  }

  Dialect dialect() {
    return dialect;
  }

  TableName tableName() {
    return table;
  }

  LoadMode loadMode() {
    return mode;
  }

  List<String> keys() {
    return mergeKeys;
  }

  RedshiftOptions redshiftOptions() {
    return new RedshiftOptions(iamRole, distKey, distStyle, sortKeys, encodings);
  }

  Lake staging() {
    return staging;
  }

  java.util.function.Consumer<String> hook() {
    return beforeCommit;
  }

  /** What the loaders return. */
  record Loaded(long rows, boolean created, List<String> added, LoadPlan plan) {
    Loaded {
      added = new ArrayList<>(added);
    }
  }

  @Override
  public String toString() {
    return "WarehouseLoad(" + dataset + " -> " + (table == null ? "?" : table.quoted(
        dialect == null ? Dialect.POSTGRES : dialect)) + ", " + dialect + ", " + mode + ")"; // no IAM role here
  }

  private WarehouseLoad copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a WarehouseLoad, once: each setting method changes one and builds a copy. */
  private static final class Copy {
    private final Lake lake;
    private final String dataset;
    private Dialect dialect;
    private DataSource dataSource;
    private RedshiftDataApi dataApi;
    private TableName table;
    private LoadMode mode;
    private List<String> mergeKeys;
    private String iamRole;
    private String distKey;
    private String distStyle;
    private List<String> sortKeys;
    private Map<String, String> encodings;
    private java.util.function.Consumer<String> beforeCommit;
    private final TableSnapshot external;
    private Lake staging;

    private Copy(WarehouseLoad original) {
      lake = original.lake;
      dataset = original.dataset;
      dialect = original.dialect;
      dataSource = original.dataSource;
      dataApi = original.dataApi;
      table = original.table;
      mode = original.mode;
      mergeKeys = original.mergeKeys;
      iamRole = original.iamRole;
      distKey = original.distKey;
      distStyle = original.distStyle;
      sortKeys = original.sortKeys;
      encodings = original.encodings;
      beforeCommit = original.beforeCommit;
      external = original.external;
      staging = original.staging;
    }

    private WarehouseLoad build() {
      return new WarehouseLoad(lake, dataset, dialect, dataSource, dataApi, table, mode, mergeKeys, iamRole, distKey,
          distStyle, sortKeys, encodings, beforeCommit, external, staging);
    }
  }
}
