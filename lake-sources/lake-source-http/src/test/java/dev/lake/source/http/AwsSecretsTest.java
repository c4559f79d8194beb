package dev.lake.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lake.exceptions.ValidationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Secrets from Secrets Manager and SSM through the real SDK clients, against a loopback server that answers their
 * JSON protocol (X-Amz-Target GetSecretValue / GetParameter).
 */
class AwsSecretsTest {
  private HttpServer server;
  private final List<String> targets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      targets.add(target + " " + request);
      String body = switch (String.valueOf(target)) {
        case "secretsmanager.GetSecretValue" -> request.contains("prod/api-football")
            ? "{\"Name\":\"prod/api-football\",\"SecretString\":\"{\\\"api_key\\\":\\\"k-123\\\",\\\"other\\\":\\\"x\\\"}\"}"
            : "{\"Name\":\"plain\",\"SecretString\":\"not json\"}";
        case "AmazonSSM.GetParameter" ->
            "{\"Parameter\":{\"Name\":\"/lake/twitter/bearer\",\"Type\":\"SecureString\",\"Value\":\"tok-456\"}}";
        default -> "{}";
      };
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "test-secret"));

  @Test
  void secretsManager_jsonField_revealsFieldAndFetchesOnceForManyRequests() {
    try (SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(endpoint())
        .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      Secret key = AwsSecrets.secretsManager(client, "prod/api-football", "api_key");

      assertThat(key.reveal()).isEqualTo("k-123");
      assertThat(key.reveal()).isEqualTo("k-123");
      assertThat(key.toString()).isEqualTo("Secret(****)");
      assertThat(targets).singleElement().asString().contains("secretsmanager.GetSecretValue")
          .contains("prod/api-football");
    }
  }

  @Test
  void secretsManager_missingJsonField_failsWithoutShowingTheSecret() {
    try (SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(endpoint())
        .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      Secret plain = AwsSecrets.secretsManager(client, "plain", "api_key");

      assertThatThrownBy(plain::reveal).isInstanceOf(ValidationException.class)
          .hasMessage("Secret plain is not JSON, so it has no field 'api_key'")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not json"));
    }
  }

  @Test
  void parameterStore_secureString_decrypted() {
    try (SsmClient client = SsmClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      Secret token = AwsSecrets.parameterStore(client, "/lake/twitter/bearer");

      assertThat(token.reveal()).isEqualTo("tok-456");
      assertThat(targets).singleElement().asString().contains("AmazonSSM.GetParameter")
          .contains("\"WithDecryption\":true");
    }
  }

  @Test
  void cached_afterFiveMinutes_fetchesAgain() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
    java.time.Clock clock = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return now[0];
      }
    };
    var supplier = AwsSecrets.cached(() -> "v" + calls.incrementAndGet(), clock);

    assertThat(supplier.get()).isEqualTo("v1");
    now[0] = now[0].plusSeconds(299);
    assertThat(supplier.get()).isEqualTo("v1");
    now[0] = now[0].plusSeconds(2);
    assertThat(supplier.get()).isEqualTo("v2");
  }

  @Test
  void permissions_secretsFromBothStores_exactArnsInTheClientsRegion_andAnUndeclaredSupplierIsNamed() {
    try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(endpoint())
        .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        SsmClient ssm = SsmClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      Secret key = AwsSecrets.secretsManager(sm, "prod/api-football", "api_key");
      Secret token = AwsSecrets.parameterStore(ssm, "/lake/twitter/bearer");
      RestClient client = RestClient.builder().connector("api-football").baseUri(endpoint().toString())
          .secretHeader("x-apisports-key", key).secretHeader("Authorization", token).build();
      dev.lake.iam.IamScope scope = dev.lake.iam.IamScope.of("us-east-1", "123456789012");
      dev.lake.iam.IamPolicy policy = HttpSource.live(client, List.of()).permissions(scope);
      key.reveal(); // the calls the policy must allow
      token.reveal();

      assertThat(targets).extracting(t -> t.substring(0, t.indexOf(' ')))
          .containsExactly("secretsmanager.GetSecretValue", "AmazonSSM.GetParameter");
      String secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-football-AbCdEf";
      assertThat(policy.allows("secretsmanager:GetSecretValue", secretArn, java.util.Map.of())).isTrue();
      assertThat(policy.allows("secretsmanager:GetSecretValue",
          "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-football-x-AbCdEf", java.util.Map.of()))
          .isFalse();
      assertThat(policy.allows("ssm:GetParameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/lake/twitter/bearer",
          java.util.Map.of())).isTrue();
      assertThat(policy.statements()).hasSize(2);
      assertThat(policy.isComplete()).isTrue();

      RestClient opaque = RestClient.builder().connector("twitter").baseUri(endpoint().toString())
          .secretHeader("Authorization", Secret.of(() -> "Bearer x")).build();
      assertThat(HttpSource.live(opaque, List.of()).permissions(scope).undeclared()).singleElement().asString()
          .contains("source twitter", "'authorization'", "Secret.needing");
    }
  }
}
