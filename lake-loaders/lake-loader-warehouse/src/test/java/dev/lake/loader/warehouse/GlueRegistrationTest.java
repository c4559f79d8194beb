package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.Lake;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;

/** ExternalTables.registerInGlue against a local server speaking Glue's JSON 1.1 protocol (AWSGlue.*). */
class GlueRegistrationTest {
  @TempDir
  Path dir;

  @Test
  void registerInGlue_twice_createsThenUpdatesAndSkipsExistingPartitions() throws Exception {
    MappedStore.register("glue", dir);
    Lake lake = Lake.at("s3://glue/lake");
    Datasets.write(lake, Datasets.sales(0, 6, 0));
    try (FakeGlue server = new FakeGlue(); GlueClient glue = server.client()) {
      List<JsonNode> calls = server.calls;
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
    }
  }
}
