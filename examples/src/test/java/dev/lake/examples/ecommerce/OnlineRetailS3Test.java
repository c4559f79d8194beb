package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.examples.Duck;
import dev.lake.examples.LakeExamples;
import dev.lake.examples.Warehouse;
import dev.lake.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Online Retail example against an in-process S3 server ({@code --lake s3://bucket/lake --s3-endpoint ...}),
 * checked exactly as the local run: the Parquet objects are downloaded and read with DuckDB.
 */
class OnlineRetailS3Test {
  @AutoClose static S3ProxyServer server;
  @AutoClose static S3Client s3;
  static URI endpoint;
  static SourceFacts facts;

  @TempDir
  Path download;

  @BeforeAll
  static void start() throws Exception {
    // The example's S3 store finds the credentials through the AWS default chains, as a user's environment would.
    server = S3ProxyServer.start("AKIALAKEEXAMPLES0001", "examplesSecret/NotReal+0123456789").exportCredentials();
    endpoint = server.endpoint();
    s3 = server.clientBuilder().build();
    s3.createBucket(b -> b.bucket("retail"));
    facts = SourceFacts.of(OnlineRetailTest.DATA.resolve("online_retail/by-day"));
  }

  private static List<String> parquetKeys() {
    return s3.listObjectsV2Paginator(r -> r.bucket("retail").prefix("lake/processed/online_retail/")).contents()
        .stream().map(S3Object::key).filter(k -> k.endsWith(".parquet")).sorted().toList();
  }

  private Path downloadDataset() throws IOException {
    Path dir = download.resolve("online_retail");
    for (String key : parquetKeys()) {
      Path file = dir.resolve(key.substring("lake/processed/online_retail/".length()));
      Files.createDirectories(file.getParent());
      s3.getObject(r -> r.bucket("retail").key(key), ResponseTransformer.toFile(file));
    }
    return dir;
  }

  private int ecommerce() {
    return LakeExamples.run("ecommerce", "--lake", "s3://retail/lake", "--s3-endpoint", endpoint.toString(),
        "--data", OnlineRetailTest.DATA.toString(), "--warehouse", "jdbc:duckdb:" + download.resolve("w.duckdb"));
  }

  @Test
  void ecommerce_s3Lake_writesEveryRowOncePartitionedByMonthAndRerunAddsNothing() throws Exception {
    int first = ecommerce();
    List<String> keys = parquetKeys();
    int second = ecommerce();

    assertThat(first).isZero();
    assertThat(second).isZero();
    List<String> committed = Lake.at("s3://retail/lake").latest("online_retail").orElseThrow().files().stream()
        .map(f -> "lake/processed/online_retail/" + f.path()).sorted().toList();
    assertThat(parquetKeys()).as("the prefix holds exactly the newest commit's objects")
        .containsExactlyInAnyOrderElementsOf(committed).hasSameSizeAs(keys);
    assertThat(keys).anyMatch(k -> k.startsWith("lake/processed/online_retail/year=2010/month=12/"))
        .anyMatch(k -> k.startsWith("lake/processed/online_retail/year=2011/month=12/"));
    Path dataset = downloadDataset();
    try (Duck duck = new Duck()) {
      String t = Duck.parquet(dataset);
      assertThat(duck.one("SELECT count(*) FROM " + t)).isEqualTo(facts.rows);
      assertThat(((Number) duck.one("SELECT sum(quantity) FROM " + t)).longValue()).isEqualTo(facts.quantity);
      Map<String, Long> perMonth = new TreeMap<>();
      for (List<Object> r : duck.query("SELECT year, month, count(*) FROM " + t + " GROUP BY ALL")) {
        perMonth.put(r.get(0) + "-" + r.get(1), (Long) r.get(2));
      }
      assertThat(perMonth).isEqualTo(facts.rowsPerMonth);
    }
    assertThat(Lake.at("s3://retail/lake").history("online_retail")).as("the re-run commits nothing").hasSize(1);
    assertThat(Warehouse.of("jdbc:duckdb:" + download.resolve("w.duckdb"))
        .query("SELECT count(*) FROM online_retail").get(0).get(0))
        .as("the s3:// lake loaded into DuckDB").isEqualTo(facts.rows);
    assertThat(s3.listMultipartUploads(r -> r.bucket("retail")).uploads()).isEmpty();
  }
}
