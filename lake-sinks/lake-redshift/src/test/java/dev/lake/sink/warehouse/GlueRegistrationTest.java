package dev.lake.sink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lake.Lake;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/** ExternalTables.registerInGlue against a local server speaking Glue's JSON 1.1 protocol (AWSGlue.*). */
class GlueRegistrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void registerInGlue_twice_createsThenUpdatesAndSkipsExistingPartitions() throws Exception {
    List<JsonNode> calls = new CopyOnWriteArrayList<>();
    Set<String> existing = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      ObjectNode body = (ObjectNode) JSON.readTree(ex.getRequestBody().readAllBytes());
      body.put("_target", target);
      calls.add(body);
      ObjectNode out = JSON.createObjectNode();
      int status = 200;
      if (target.endsWith("CreateDatabase") || target.endsWith("CreateTable")) {
        if (!existing.add(target)) {
          status = 400;
          out.put("__type", "AlreadyExistsException").put("Message", "exists");
        }
      } else if (target.endsWith("BatchCreatePartition")) {
        var errors = out.putArray("Errors");
        for (JsonNode p : body.get("PartitionInputList")) {
          if (!existing.add(p.get("Values").toString())) {
            ObjectNode e = errors.addObject();
            e.putArray("PartitionValues").addAll((com.fasterxml.jackson.databind.node.ArrayNode) p.get("Values"));
            e.putObject("ErrorDetail").put("ErrorCode", "AlreadyExistsException").put("ErrorMessage", "exists");
          }
        }
      }
      byte[] bytes = JSON.writeValueAsBytes(out);
      ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
    MappedStore.register("glue", dir);
    Lake lake = Lake.at("s3://glue/lake");
    Datasets.write(lake, Datasets.sales(0, 6, 0));
    try (GlueClient glue = GlueClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "fake")))
        .build()) {
      ExternalTables ext = ExternalTables.of(lake, "sales").glueDatabase("lake");

      assertThat(ext.registerInGlue(glue)).isEqualTo(3);
      assertThat(ext.registerInGlue(glue)).isZero();

      Set<String> targets = new HashSet<>();
      calls.forEach(c -> targets.add(c.get("_target").asText()));
      assertThat(targets).contains("AWSGlue.CreateDatabase", "AWSGlue.CreateTable", "AWSGlue.UpdateTable",
          "AWSGlue.BatchCreatePartition");
      JsonNode table = calls.stream().filter(c -> c.get("_target").asText().equals("AWSGlue.CreateTable"))
          .findFirst().orElseThrow().get("TableInput");
      assertThat(table.get("Name").asText()).isEqualTo("sales");
      assertThat(table.get("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
      assertThat(table.get("StorageDescriptor").get("Location").asText())
          .isEqualTo("s3://glue/lake/processed/sales/");
      assertThat(table.get("StorageDescriptor").get("Columns").toString())
          .contains("{\"Name\":\"price\",\"Type\":\"decimal(10,3)\"}", "{\"Name\":\"at\",\"Type\":\"timestamp\"}");
      assertThat(table.get("PartitionKeys").toString()).isEqualTo("[{\"Name\":\"country\",\"Type\":\"string\"}]");
      JsonNode partitions = calls.stream().filter(c -> c.get("_target").asText().endsWith("BatchCreatePartition"))
          .findFirst().orElseThrow().get("PartitionInputList");
      assertThat(partitions.toString()).contains("s3://glue/lake/processed/sales/country=France%2FBelgium/",
          "[\"__HIVE_DEFAULT_PARTITION__\"]");
    } finally {
      server.stop(0);
    }
  }
}
