package dev.lake.sink.iceberg;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * Finds the table a writer writes to: creates it from the rows' schema when absent (format version 2, Parquet,
 * the sink's partitions, the newest {@value #PREVIOUS_METADATA_FILES} earlier metadata files kept), and adds the
 * rows' new fields to an existing one as optional columns (Iceberg schema evolution: files written before read them
 * as null). Several writers racing to create or evolve the
 * same table end with one table and each column once.
 *
 * <pre>{@code
 * Table t = IcebergTables.prepare(sink, Rows.schema(Sale.class));
 * }</pre>
 */
final class IcebergTables {
  /** Earlier metadata files a table Lake creates keeps (Iceberg deletes older ones after each commit). */
  static final int PREVIOUS_METADATA_FILES = 100;
  private IcebergTables() {}

  static Table prepare(IcebergSink<?> sink, org.apache.avro.Schema rows) {
    try {
      return prepareIn(sink, rows);
    } catch (RuntimeException e) {
      throw CatalogFailures.explain(sink.catalog(), e);
    }
  }

  private static Table prepareIn(IcebergSink<?> sink, org.apache.avro.Schema rows) {
    Catalog catalog = sink.catalog().catalog();
    TableIdentifier id = TableIdentifier.parse(sink.table());
    org.apache.iceberg.Schema wanted = IcebergSchemas.toIceberg(rows);
    if (!catalog.tableExists(id)) {
      create(catalog, id, wanted, sink.partitionBy());
    }
    Table table = catalog.loadTable(id);
    List<String> added = wanted.columns().stream().map(Types.NestedField::name)
        .filter(n -> table.schema().findField(n) == null).toList();
    if (!added.isEmpty()) {
      table.updateSchema().unionByNameWith(wanted).commit();
      table.refresh();
    }
    return table;
  }

  private static void create(Catalog catalog, TableIdentifier id, org.apache.iceberg.Schema schema,
      List<String> partitionBy) {
    if (catalog instanceof SupportsNamespaces ns && !id.namespace().isEmpty()
        && !ns.namespaceExists(id.namespace())) {
      try {
        ns.createNamespace(Namespace.of(id.namespace().levels()));
      } catch (RuntimeException raced) {
        // another writer (or process) created it first: a JDBC catalog reports that as a constraint violation
        if (!ns.namespaceExists(id.namespace())) {
          throw raced;
        }
      }
    }
    PartitionSpec spec = PartitionTransforms.spec(schema, partitionBy, id.toString());
    try {
      catalog.buildTable(id, schema).withPartitionSpec(spec)
          .withProperties(Map.of(TableProperties.FORMAT_VERSION, "2",
              TableProperties.DEFAULT_FILE_FORMAT, "parquet",
              TableProperties.PARQUET_COMPRESSION, "snappy",
              // Every commit writes a whole new metadata file (all snapshots, their ledgers included): keep the
              // newest 100 and delete older ones, instead of Iceberg's default of keeping every one forever
              TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
              TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, String.valueOf(PREVIOUS_METADATA_FILES)))
          .create();
    } catch (RuntimeException raced) {
      // another writer created it first (AlreadyExistsException, or a constraint violation from a JDBC catalog)
      if (!catalog.tableExists(id)) {
        throw raced;
      }
    }
  }
}
