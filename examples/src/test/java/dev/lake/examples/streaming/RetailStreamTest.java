package dev.lake.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.Rows;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.io.CrashingSink;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import dev.lake.testing.Kinesalite;
import dev.lake.testing.S3ProxyServer;
import dev.lake.source.files.CsvSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End to end on real local parts: Online Retail lines (two days) posted over HTTP to the ingest endpoint →
 * kinesalite (2 shards) → the consumer → raw JSON Lines and processed Parquet on s3proxy; the consumer killed midway,
 * then killed just before its commit (files and checkpoints commit together), then restarted: every line exactly
 * once.
 */
class RetailStreamTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static S3ProxyServer s3;
  static Kinesalite kinesis;
  static KinesisClient client;

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("aws.cborEnabled", "false");
    s3 = S3ProxyServer.start("AKIASTREAMTEST000001", "streamSecret/NotReal+01");
    ObjectStores.register(URI.create("s3://retail-stream"),
        S3ObjectStore.builder().endpointOverride(s3.endpoint()).pathStyle(true)
        .region(s3.region()).credentials(s3.credentials()).build());
    try (S3Client setup = s3.clientBuilder().build()) {
      setup.createBucket(b -> b.bucket("retail-stream"));
    }
    kinesis = Kinesalite.start();
    client = kinesis.client();
    kinesis.createStream(client, "sales", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    kinesis.close();
    s3.close();
  }

  private static List<String> sorted(List<RetailRow> rows) {
    return rows.stream().map(Rows::toJson).sorted().collect(Collectors.toList());
  }

  @Test
  void postedLines_consumerKilledTwiceAndRestarted_landEveryLineExactlyOnce() throws Exception {
    List<Sale> sales = CsvSource.of(Sale.class)
        .from(DATA.toUri() + "online_retail/by-day/2010-12-0[12].csv.gz").readAll();
    HttpServer http = RetailStream.ingest(client, "sales").serveLocally(new InetSocketAddress("127.0.0.1", 0));
    HttpClient web = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/sales");
    try {
      for (int i = 0; i < sales.size(); i += 400) {
        String body = sales.subList(i, Math.min(sales.size(), i + 400)).stream().map(Rows::toJson)
            .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
    } finally {
      http.stop(0);
    }
    Lake lake = Lake.at("s3://retail-stream/lake");
    CrashingSink<RetailRow> kill = new CrashingSink<>("consumer");
    var consumer = RetailStream.consumer(client, "sales", lake).to(kill);

    kill.failAfterRows(sales.size() / 4); // per worker: about half the lines each
    assertThatThrownBy(consumer::run).hasMessageContaining("consumer killed after");
    kill.failAtCommit();
    assertThatThrownBy(consumer::run).hasMessageContaining("consumer killed between the writers and the run's commit");
    assertThat(lake.cursors(RetailStream.PIPELINE)).isEmpty();
    assertThat(lake.latest("sales")).as("files and checkpoints commit together, or neither").isEmpty();
    kill.heal();
    PipelineResult restarted = consumer.run();

    List<String> expected = sorted(sales.stream().map(RetailRow::of).toList());
    assertThat(restarted.rowsRead()).isEqualTo(sales.size());
    assertThat(sorted(lake.read("sales", RetailRow.class).readAll())).isEqualTo(expected);
    assertThat(sorted(lake.read("raw/ecommerce/sales", RetailRow.class).readAll())).isEqualTo(expected);
    assertThat(lake.cursors(RetailStream.PIPELINE)).hasSize(2);
    assertThat(consumer.run().rowsRead()).isZero();
  }
}
