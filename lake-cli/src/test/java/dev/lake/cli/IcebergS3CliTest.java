package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.InMemorySource;
import dev.lake.io.ObjectStores;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg tables on S3 (s3proxy) through a JDBC catalog: {@code lake query} downloads a snapshot's data files for
 * DuckDB, or streams an upserted table's rows from S3 with its deletes applied; {@code ls} counts them.
 */
class IcebergS3CliTest {
  @TempDir
  static Path dir;
  static S3ProxyServer s3;
  static String catalogUri;

  record Line(String invoice, int line, int quantity, int month) {}

  @BeforeAll
  static void tables() {
    s3 = S3ProxyServer.start("AKIAICEBERGCLITEST01", "iceberg/cli/NotReal+0123456789").exportCredentials();
    s3.client().createBucket(b -> b.bucket("ice-cli"));
    ObjectStores.register(URI.create("s3://ice-cli"),
        S3ObjectStore.builder().endpointOverride(s3.endpoint()).pathStyle(true)
        .region(s3.region()).credentials(s3.credentials()).build());
    catalogUri = "jdbc:sqlite:" + dir.resolve("catalog.db");
    IcebergCatalog catalog = IcebergCatalog.jdbc(catalogUri, "s3://ice-cli/wh");
    for (List<Line> day : List.of(List.of(new Line("1", 1, 6, 12), new Line("1", 2, 8, 12)),
        List.of(new Line("1", 2, 3, 12), new Line("2", 1, 4, 1)))) {
      Pipeline.from(InMemorySource.of("day" + day.get(0).quantity(), day)).named("lines")
          .to(catalog.<Line>table("shop.lines").partitionBy("month").upsertBy("invoice", "line", "month")).run();
      Pipeline.from(InMemorySource.of("day" + day.get(0).quantity(), day)).named("sales")
          .to(catalog.<Line>table("shop.sales")).run();
    }
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  private static String[] args(String... more) {
    List<String> all = new java.util.ArrayList<>(List.of("--catalog-uri", catalogUri, "--warehouse",
        "s3://ice-cli/wh", "--s3-endpoint", s3.endpoint().toString(), "--lake", dir.resolve("none").toString()));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  @Test
  void query_s3Warehouse_downloadsFilesOrAppliesDeletes() {
    String[] query = new String[] {"query", "-f", "csv"};
    List<String> upserted = lake(concat(query, args("SELECT invoice, line, quantity FROM shop.lines ORDER BY ALL")))
        .ok().out().lines().toList();
    assertThat(upserted).containsExactly("invoice,line,quantity", "1,1,6", "1,2,3", "2,1,4");
    List<String> appended = lake(concat(query, args("SELECT count(*) AS n, sum(quantity) AS q FROM shop.sales")))
        .ok().out().lines().toList();
    assertThat(appended).containsExactly("n,q", "4,21");
  }

  @Test
  void ls_s3Warehouse_countsRowsAfterDeletes() {
    String out = lake(concat(new String[] {"ls"}, args())).ok().out();
    assertThat(out).contains("Iceberg warehouse s3://ice-cli/wh: 2 tables, 7 rows");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
