package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.SourceReader;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Lake's {@link IcebergRead} reads a table that Spark 4 with the Iceberg runtime wrote, updated and deleted from
 * (merge-on-read: Spark's own position delete files) and whose column Spark renamed: the same rows Spark reads, the
 * renamed column matched by field id, and time travel to Spark's first snapshot.
 */
class IcebergReadOfSparkTablesTest {
  @Test
  void icebergRead_sparksUpdatesDeletesAndRename_sameRowsAsSpark() throws Exception {
    Path warehouse = Files.createTempDirectory("lake-iceberg-spark-writes");
    IcebergCatalog catalog = IcebergCatalog.local(warehouse.toString());
    SparkSession spark = SharedSpark.session().newSession(); // catalog "lake": a JDBC catalog keys tables by name
    spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog.lake.type", "jdbc");
    spark.conf().set("spark.sql.catalog.lake.uri", "jdbc:sqlite:" + warehouse.resolve("catalog.db"));
    spark.conf().set("spark.sql.catalog.lake.warehouse", warehouse.toUri().toString());
    spark.conf().set("spark.sql.catalog.lake.jdbc.schema-version", "V1");
    spark.conf().set("spark.sql.catalog.lake.cache-enabled", "false");
    spark.sql("CREATE TABLE lake.shop.orders (id INT, item STRING, qty INT, month INT) USING iceberg "
        + "PARTITIONED BY (month) TBLPROPERTIES ('format-version'='2', 'write.delete.mode'='merge-on-read', "
        + "'write.update.mode'='merge-on-read')");
    spark.sql("INSERT INTO lake.shop.orders VALUES (1, 'mug', 6, 12), (2, 'lantern', 8, 12), (3, 'bowl', 1, 1), "
        + "(4, 'tea', 2, 1)");
    long first = catalog.load("shop.orders").currentSnapshot().snapshotId();
    spark.sql("UPDATE lake.shop.orders SET qty = 3 WHERE id = 2");
    spark.sql("DELETE FROM lake.shop.orders WHERE id = 3");
    spark.sql("ALTER TABLE lake.shop.orders RENAME COLUMN item TO product");

    IcebergRead.Plan plan = IcebergRead.of(catalog, "shop.orders").plan();
    assertThat(plan.hasDeletes()).as("Spark wrote position deletes").isTrue();
    Map<Integer, String> lake = new TreeMap<>();
    try (SourceReader<GenericRecord> rows = plan.open()) {
      rows.forEachRemaining(r -> lake.put((Integer) r.get("id"), r.get("product") + "/" + r.get("qty")));
    }
    Map<Integer, String> bySpark = new TreeMap<>();
    spark.sql("SELECT id, product, qty FROM lake.shop.orders").collectAsList()
        .forEach(r -> bySpark.put(r.getInt(0), r.getString(1) + "/" + r.getInt(2)));
    assertThat(lake).isEqualTo(bySpark).isEqualTo(Map.of(1, "mug/6", 2, "lantern/3", 4, "tea/2"));

    Map<Integer, String> then = new TreeMap<>();
    try (SourceReader<GenericRecord> rows = IcebergRead.of(catalog, "shop.orders").snapshot(first).plan().open()) {
      rows.forEachRemaining(r -> then.put((Integer) r.get("id"), r.get("item") + "/" + r.get("qty")));
    }
    assertThat(then).isEqualTo(Map.of(1, "mug/6", 2, "lantern/8", 3, "bowl/1", 4, "tea/2"));
  }
}
