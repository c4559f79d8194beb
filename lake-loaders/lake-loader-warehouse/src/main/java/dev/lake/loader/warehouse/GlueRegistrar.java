package dev.lake.loader.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.io.PartitionPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Registers a dataset in the Glue Data Catalog: the database (if absent), the table (created, or updated to the
 * dataset's newest schema) and its partitions (BatchCreatePartition, 100 at a time; ones that exist are skipped).
 * Kept apart from {@link ExternalTables} so that the optional Glue SDK is only loaded when used.
 */
final class GlueRegistrar {
  private static final String PARQUET_IN = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  private static final String PARQUET_OUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
  private static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private GlueRegistrar() {}

  /** Returns how many partitions were created. */
  static int register(GlueClient glue, Snapshot snap, String database, String table) {
    try {
      try {
        glue.createDatabase(r -> r.databaseInput(d -> d.name(database)));
      } catch (AlreadyExistsException e) {
        // fine: registering is idempotent
      }
      String location = CopyManifests.s3Url(snap.committed().location());
      TableInput input = TableInput.builder().name(table).tableType("EXTERNAL_TABLE")
          .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE"))
          .partitionKeys(columns(snap.partitionColumns()))
          .storageDescriptor(storage(columns(snap.fileColumns()), location)).build();
      try {
        glue.createTable(r -> r.databaseName(database).tableInput(input));
      } catch (AlreadyExistsException e) {
        glue.updateTable(r -> r.databaseName(database).tableInput(input));
      }
      if (snap.partitionColumns().isEmpty()) {
        return 0;
      }
      Set<Map<String, String>> partitions = new LinkedHashSet<>();
      snap.committed().files().forEach(f -> partitions.add(f.partition()));
      List<PartitionInput> inputs = new ArrayList<>();
      for (Map<String, String> p : partitions) {
        List<String> values = new ArrayList<>();
        for (ColumnDef c : snap.partitionColumns()) {
          String v = p.get(c.name());
          values.add(v == null ? PartitionPaths.NULL_VALUE : v);
        }
        inputs.add(PartitionInput.builder().values(values)
            .storageDescriptor(storage(List.of(), CopyManifests.s3Url(snap.partitionDirectory(p)))).build());
      }
      int created = 0;
      for (int i = 0; i < inputs.size(); i += 100) {
        List<PartitionInput> chunk = inputs.subList(i, Math.min(inputs.size(), i + 100));
        BatchCreatePartitionResponse resp = glue.batchCreatePartition(r -> r.databaseName(database).tableName(table)
            .partitionInputList(chunk));
        int failed = 0;
        for (PartitionError e : resp.errors()) {
          if (!"AlreadyExistsException".equals(e.errorDetail().errorCode())) {
            throw new SinkException("glue", "Glue refused partition " + e.partitionValues() + " of " + database
                + "." + table + ": " + e.errorDetail().errorCode() + " " + e.errorDetail().errorMessage(), null);
          }
          failed++;
        }
        created += chunk.size() - failed;
      }
      return created;
    } catch (SdkException e) {
      throw new SinkException("glue", "Registering " + snap.dataset() + " as " + database + "." + table
          + " in Glue failed: " + e.getMessage(), e, e.retryable(), 1);
    }
  }

  private static StorageDescriptor storage(List<Column> columns, String location) {
    return StorageDescriptor.builder().columns(columns).location(location).inputFormat(PARQUET_IN)
        .outputFormat(PARQUET_OUT).serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE).build())
        .build();
  }

  private static List<Column> columns(List<ColumnDef> defs) {
    return defs.stream().map(c -> Column.builder().name(c.name()).type(hiveType(c)).build()).toList();
  }

  /** Hive / Glue type names, as Athena and Spectrum read them. */
  static String hiveType(ColumnDef c) {
    return switch (c.kind()) {
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case BIGINT -> "bigint";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(" + c.precision() + "," + c.scale() + ")";
      case STRING, TIME -> "string";
      case BYTES -> "binary";
      case DATE -> "date";
      case TIMESTAMP, TIMESTAMPTZ -> "timestamp";
    };
  }
}
