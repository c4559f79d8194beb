package dev.lake.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lake.exceptions.LakeException;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/** BatchDetectSentiment against a local HTTP server speaking Comprehend's JSON protocol, not AWS. */
class ComprehendScorerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  HttpServer server;
  ComprehendClient client;
  final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      JsonNode req = JSON.readTree(exchange.getRequestBody());
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      ObjectNode resp = JSON.createObjectNode();
      ArrayNode results = resp.putArray("ResultList");
      ArrayNode errors = resp.putArray("ErrorList");
      JsonNode texts = req.path("TextList");
      batchSizes.add(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        String t = texts.get(i).asText();
        if (t.contains("FAIL")) {
          errors.addObject().put("Index", i).put("ErrorCode", "INTERNAL_SERVER_ERROR").put("ErrorMessage", "boom");
          continue;
        }
        boolean good = t.contains("good");
        ObjectNode r = results.addObject().put("Index", i).put("Sentiment", good ? "POSITIVE" : "NEGATIVE");
        r.putObject("SentimentScore").put("Positive", good ? 0.9 : 0.05).put("Negative", good ? 0.02 : 0.85)
            .put("Neutral", 0.05).put("Mixed", good ? 0.03 : 0.05);
      }
      byte[] body = (target != null && target.endsWith("BatchDetectSentiment") ? resp.toString() : "{}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    client = ComprehendClient.builder().region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void scoreAll_60Texts_threeCallsOf25Max_inOrder() {
    List<String> texts = IntStream.range(0, 62).mapToObj(i -> i == 5 || i == 40 ? " " : i % 2 == 0 ? "good " + i
        : "awful " + i).toList();

    List<Sentiment> s = ComprehendScorer.create(client).scoreAll(texts);

    assertThat(batchSizes).containsExactly(25, 25, 10);
    assertThat(s).hasSize(62);
    assertThat(s.get(0).compound()).isCloseTo(0.88, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(s.get(1).label()).isEqualTo(Sentiment.Label.NEGATIVE);
    assertThat(s.get(5)).isEqualTo(Sentiment.NONE);
    assertThat(s.get(61).label()).isEqualTo(Sentiment.Label.NEGATIVE);
    assertThat(s.get(60).label()).isEqualTo(Sentiment.Label.POSITIVE);
  }

  @Test
  void scoreAll_itemError_namesTheText() {
    assertThatThrownBy(() -> ComprehendScorer.create(client).scoreAll(List.of("good", "FAIL here")))
        .isInstanceOf(LakeException.class)
        .hasMessage("Comprehend could not score text 1: INTERNAL_SERVER_ERROR boom");
  }

  @Test
  void cut_longText_atMost5000BytesOnACharacterBoundary() {
    String t = "é".repeat(3000);
    assertThat(ComprehendScorer.cut(t).getBytes(StandardCharsets.UTF_8).length).isEqualTo(5000);
    assertThat(ComprehendScorer.cut("short")).isEqualTo("short");
  }

  @Test
  void permissions_scoringStepInAPipeline_batchDetectSentimentOnStarAndNothingElse() {
    dev.lake.iam.RecordingInterceptor calls = new dev.lake.iam.RecordingInterceptor(
        dev.lake.iam.IamScope.of("us-east-1", "123456789012"));
    try (ComprehendClient recorded = ComprehendClient.builder().region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build()) {
      ComprehendScorer scorer = ComprehendScorer.create(recorded);
      InMemorySink<Double> sink = InMemorySink.create();
      dev.lake.Pipeline<Double> p = dev.lake.Pipeline.from(InMemorySource.of("texts",
              List.of("good day", "awful day")))
          .named("scores")
          .apply(dev.lake.transforms.Step.<String, Double>of("score",
              (t, out) -> out.accept(scorer.score(t).compound())).needing(scorer::permissions))
          .to(sink);
      dev.lake.iam.IamPolicy policy = p.requiredPermissions(dev.lake.iam.IamScope.unknown());

      assertThat(p.withParallelism(1).run().rowsWritten()).isEqualTo(2);

      assertThat(policy.statements()).singleElement().satisfies(s -> {
        assertThat(s.actions()).containsExactly("comprehend:BatchDetectSentiment");
        assertThat(s.resources()).containsExactly("*");
      });
      dev.lake.iam.PolicyAssert.assertExact(policy, calls.calls(), java.util.Map.of());
      assertThat(dev.lake.Pipeline.from(InMemorySource.of("texts", List.of("x"))).to(InMemorySink.<String>create())
          .requiredPermissions(dev.lake.iam.IamScope.unknown()).statements()).as("without needing(..)").isEmpty();
    }
  }
}
