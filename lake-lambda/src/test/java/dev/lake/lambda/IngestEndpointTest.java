package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.lake.Column;
import dev.lake.testing.Kinesalite;
import dev.lake.sink.kinesis.KinesisSink;
import dev.lake.testing.LocalContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class IngestEndpointTest {
  record Sale(@Column("invoice_no") String invoiceNo, int quantity, Double price) {}

  private static Kinesalite kinesis;
  private static KinesisClient client;
  private static IngestEndpoint<Sale> endpoint;

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("aws.cborEnabled", "false");
    kinesis = Kinesalite.start();
    client = kinesis.client();
    kinesis.createStream(client, "sales", 1);
    endpoint = IngestEndpoint.of(Sale.class)
        .to(KinesisSink.<Sale>toStream("sales").withClient(client).withPartitionKey("invoice_no"))
        .withMaxBodyBytes(4096).withMaxRows(10);
  }

  @AfterAll
  static void stop() {
    client.close();
    kinesis.close();
  }

  private static APIGatewayProxyResponseEvent post(String body) {
    String event = """
        {"resource":"/sales","path":"/sales","httpMethod":"POST","headers":{"Content-Type":"application/json"},
         "requestContext":{"requestId":"r1","stage":"prod","httpMethod":"POST"},"isBase64Encoded":false,
         "body":%s}""".formatted(new com.fasterxml.jackson.databind.node.TextNode(body).toString());
    return endpoint.handle(Events.parse(event, APIGatewayProxyRequestEvent.class),
        new LocalContext("test", Duration.ofMillis(30_000)));
  }

  private static List<String> streamRecords() {
    String shard = client.listShards(b -> b.streamName("sales")).shards().get(0).shardId();
    String it = client.getShardIterator(b -> b.streamName("sales").shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    List<String> out = new ArrayList<>();
    client.getRecords(b -> b.shardIterator(it)).records()
        .forEach(r -> out.add(r.data().asString(StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void handle_getRequest_405ResponseEqualByStatusAndBody() {
    IngestEndpoint.Response r = endpoint.handle("GET", new byte[0], "req-1");

    assertThat(r).isEqualTo(IngestEndpoint.Response.of(405,
        "{\"error\":\"Use POST with one JSON object or an array of them, not GET\"}"))
        .hasSameHashCodeAs(IngestEndpoint.Response.of(r.status(), r.body()));
    assertThat(r.toString()).startsWith("Response[status=405, body={\"error\":");
  }

  @Test
  void post_objectAndArray_200AndRowsInTheStream() {
    int before = streamRecords().size();

    APIGatewayProxyResponseEvent one = post("{\"invoice_no\":\"536365\",\"quantity\":6,\"price\":2.55}");
    APIGatewayProxyResponseEvent many = post("[{\"invoice_no\":\"536366\",\"quantity\":1},"
        + "{\"invoice_no\":\"536367\",\"quantity\":\"2\"}]");

    assertThat(one.getStatusCode()).isEqualTo(200);
    assertThat(one.getBody()).isEqualTo("{\"accepted\":1}");
    assertThat(many.getStatusCode()).isEqualTo(200);
    assertThat(many.getBody()).isEqualTo("{\"accepted\":2}");
    assertThat(streamRecords().subList(before, before + 3)).containsExactly(
        "{\"invoice_no\":\"536365\",\"quantity\":6,\"price\":2.55}",
        "{\"invoice_no\":\"536366\",\"quantity\":1,\"price\":null}",
        "{\"invoice_no\":\"536367\",\"quantity\":2,\"price\":null}");
  }

  @Test
  void post_invalidRows_400WithPerRowReasonsAndNothingWritten() {
    int before = streamRecords().size();

    APIGatewayProxyResponseEvent r = post("[{\"invoice_no\":\"1\",\"quantity\":1},{\"invoice_no\":\"2\","
        + "\"quantity\":\"many\"},{\"invoice_no\":\"3\",\"quantity\":1,\"price\":\"cheap\"},[1]]");

    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).isEqualTo("{\"errors\":["
        + "{\"index\":1,\"reason\":\"Expected an int but was 'many' at quantity\"},"
        + "{\"index\":2,\"reason\":\"Expected a double but was 'cheap' at price\"},"
        + "{\"index\":3,\"reason\":\"Expected a JSON object but was ARRAY\"}]}");
    assertThat(post("{\"invoice_no\":").getStatusCode()).isEqualTo(400);
    assertThat(streamRecords()).hasSize(before);
  }

  @Test
  void post_overTheLimits_413() {
    APIGatewayProxyResponseEvent big = post("[" + "{\"invoice_no\":\"1\",\"quantity\":1},".repeat(200) + "{}]");
    APIGatewayProxyResponseEvent many = post("[" + "{\"invoice_no\":\"1\",\"quantity\":1},".repeat(10) + "{}]");

    assertThat(big.getStatusCode()).isEqualTo(413);
    assertThat(big.getBody()).contains("over the limit of 4,096 bytes");
    assertThat(many.getStatusCode()).isEqualTo(413);
    assertThat(many.getBody()).isEqualTo("{\"error\":\"11 rows is over the limit of 10 per request\"}");
  }

  @Test
  void serveLocally_postOverHttp_sameAnswers() throws Exception {
    HttpServer server = endpoint.serveLocally(new InetSocketAddress("127.0.0.1", 0));
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sales");
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri)
          .POST(HttpRequest.BodyPublishers.ofString("{\"invoice_no\":\"9\",\"quantity\":1}")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(get.statusCode()).isEqualTo(405);
    } finally {
      server.stop(0);
    }
  }
}
