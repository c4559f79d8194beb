package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code lake iam} on the test lake's Online Retail pipeline ({@link RetailLake}) over S3
 * (data in one bucket, the lake in another), read back as JSON and checked statement by statement against what the
 * pipeline is described to touch.
 */
class IamCommandTest {
  static final String REF = "dev.lake.cli.RetailLake#pipeline";
  static final String DATA = "arn:aws:s3:::retail-data";
  static final String LAKE = "arn:aws:s3:::retail-lake";

  static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  /** "action resource [prefix]" for every action, resource and s3:prefix value of every statement. */
  static List<String> grants(JsonNode policy) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : policy.get("Statement")) {
      assertThat(s.get("Effect").asText()).isEqualTo("Allow");
      for (JsonNode a : list(s.get("Action"))) {
        for (JsonNode r : list(s.get("Resource"))) {
          JsonNode prefix = s.at("/Condition/StringEquals/s3:prefix");
          JsonNode ifNoneMatch = s.at("/Condition/StringEquals/s3:if-none-match");
          if (!prefix.isMissingNode()) {
            list(prefix).forEach(p -> out.add(a.asText() + " " + r.asText() + " " + p.asText()));
          } else if (!ifNoneMatch.isMissingNode()) {
            list(ifNoneMatch).forEach(v -> out.add(a.asText() + " " + r.asText() + " if-none-match=" + v.asText()));
          } else {
            out.add(a.asText() + " " + r.asText());
          }
        }
      }
    }
    return out;
  }

  static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  @Test
  void iam_onlineRetailOnS3_listsExactlyItsPrefixes() throws IOException {
    TestLakes.Result r = lake("iam", REF, "--arg", "s3://retail-data/in/", "--arg", "s3://retail-lake/lake",
        "--region", "eu-west-1", "--account", "123456789012").ok();

    JsonNode policy = json(r.out());
    String ds = "processed/" + RetailLake.DATASET;
    String rejected = "rejected/" + RetailLake.DATASET;
    String name = "online-retail";
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(grants(policy)).containsExactlyInAnyOrder(
        "s3:GetObject " + DATA + "/in/online_retail/by-day/*.csv*",
        "s3:ListBucket " + DATA + " in/online_retail/by-day/",
        "s3:PutObject " + LAKE + "/lake/" + ds + "/*",
        "s3:GetObject " + LAKE + "/lake/" + ds + "/*",
        "s3:DeleteObject " + LAKE + "/lake/" + ds + "/*",
        "s3:AbortMultipartUpload " + LAKE + "/lake/" + ds + "/*",
        "s3:PutObject " + LAKE + "/lake/" + rejected + "/*",
        "s3:GetObject " + LAKE + "/lake/" + rejected + "/*",
        "s3:DeleteObject " + LAKE + "/lake/" + rejected + "/*",
        "s3:AbortMultipartUpload " + LAKE + "/lake/" + rejected + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/retired/" + ds + "/*",
        "s3:GetObject " + LAKE + "/lake/_lake/retired/" + ds + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/retired/" + rejected + "/*",
        "s3:GetObject " + LAKE + "/lake/_lake/retired/" + rejected + "/*",
        "s3:GetObject " + LAKE + "/lake/_lake/manifests/" + ds + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/manifests/" + ds + "/* if-none-match=*",
        "s3:PutObject " + LAKE + "/lake/_lake/manifests/" + ds + "/_pending/*",
        "s3:DeleteObject " + LAKE + "/lake/_lake/manifests/" + ds + "/_pending/*",
        "s3:GetObject " + LAKE + "/lake/_lake/manifests/" + rejected + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/manifests/" + rejected + "/* if-none-match=*",
        "s3:PutObject " + LAKE + "/lake/_lake/manifests/" + rejected + "/_pending/*",
        "s3:DeleteObject " + LAKE + "/lake/_lake/manifests/" + rejected + "/_pending/*",
        "s3:PutObject " + LAKE + "/lake/_lake/probes/* if-none-match=*",
        "s3:DeleteObject " + LAKE + "/lake/_lake/probes/*",
        "s3:GetObject " + LAKE + "/lake/_lake/state/" + name + ".json",
        "s3:GetObject " + LAKE + "/lake/_lake/state/" + name + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/state/" + name + "/*",
        "s3:DeleteObject " + LAKE + "/lake/_lake/state/" + name + "/*",
        "s3:PutObject " + LAKE + "/lake/_lake/runs/" + name + "/*",
        "s3:ListBucketMultipartUploads " + LAKE,
        "s3:ListBucket " + LAKE + " lake/_lake/manifests/" + ds + "/",
        "s3:ListBucket " + LAKE + " lake/_lake/manifests/" + ds + "/_pending/",
        "s3:ListBucket " + LAKE + " lake/_lake/manifests/" + rejected + "/",
        "s3:ListBucket " + LAKE + " lake/_lake/manifests/" + rejected + "/_pending/",
        "s3:ListBucket " + LAKE + " lake/_lake/state/",
        "s3:ListBucket " + LAKE + " lake/_lake/state/" + name + "/");
    List<String> sids = new ArrayList<>();
    policy.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
    assertThat(sids).doesNotHaveDuplicates().allMatch(s -> s.matches("[A-Za-z0-9]+"));
    assertThat(r.out()).doesNotContain("REGION", "ACCOUNT_ID", "\"Resource\" : \"*\"");
    assertThat(lake("iam", REF, "--arg", "s3://retail-data/in/", "--arg", "s3://retail-lake/lake",
        "--region", "eu-west-1", "--account", "123456789012").out()).as("deterministic").isEqualTo(r.out());
  }

  @Test
  void iam_importWithARedshiftWarehouse_addsTheLoadsGrantsAndJdbcAddsOnlyLakeReads() throws IOException {
    List<String> withRedshift = grants(json(lake("iam", "dev.lake.cli.IamFixtures#retailThenRedshift", "--arg",
        "s3://retail-data/in/", "--arg", "s3://retail-lake/lake", "--region", "eu-west-1", "--account",
        "123456789012").ok().out()));
    List<String> withDuckDb = grants(json(lake("iam", "dev.lake.cli.IamFixtures#retailThenDuckDb", "--arg",
        "s3://retail-data/in/", "--arg", "s3://retail-lake/lake", "--region", "eu-west-1", "--account",
        "123456789012").ok().out()));
    List<String> importOnly = grants(json(lake("iam", REF, "--arg", "s3://retail-data/in/", "--arg",
        "s3://retail-lake/lake", "--region", "eu-west-1", "--account", "123456789012").ok().out()));

    String cluster = "arn:aws:redshift:eu-west-1:123456789012:cluster:analytics";
    String copyManifests = LAKE + "/lake/_lake/copy-manifests/processed/" + RetailLake.DATASET + "/*";
    assertThat(withRedshift).containsAll(importOnly).contains(
        "redshift-data:ExecuteStatement " + cluster,
        "redshift-data:DescribeStatement *", "redshift-data:GetStatementResult *",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/loader",
        "redshift:GetClusterCredentials arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev",
        "s3:PutObject " + copyManifests).doesNotContain("redshift-data:BatchExecuteStatement " + cluster);
    assertThat(withDuckDb).as("JDBC needs no AWS permission: only reading the dataset is added")
        .containsAll(importOnly).noneMatch(g -> g.startsWith("redshift"))
        .contains("s3:GetObject " + LAKE + "/lake/processed/" + RetailLake.DATASET + "/*");
    List<String> added = new ArrayList<>(withDuckDb);
    added.removeAll(importOnly);
    assertThat(added).as("the import already reads its own dataset's files and retired files to publish").isEmpty();
  }

  @Test
  void iam_localLake_needsNothingAndSaysWhichPartsAreUndeclared(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    TestLakes.Result local = lake("iam", REF, "--arg", dir.toString(), "--arg", dir.resolve("lake").toString(),
        "--output", dir.resolve("policy.json").toString()).ok();
    assertThat(json(Files.readString(dir.resolve("policy.json"))).get("Statement")).isEmpty();
    assertThat(local.err()).contains("Wrote 0 statements");

    TestLakes.Result opaque = lake("iam", "dev.lake.cli.IamFixtures#opaque", "--arg", "s3://b/lake");
    assertThat(opaque.status()).isEqualTo(1);
    assertThat(opaque.out()).isEmpty();
    assertThat(opaque.err()).contains("source opaque", "--allow-undeclared");
    TestLakes.Result allowed = lake("iam", "dev.lake.cli.IamFixtures#opaque", "--arg", "s3://b/lake",
        "--allow-undeclared").ok();
    assertThat(grants(json(allowed.out()))).contains("s3:PutObject arn:aws:s3:::b/lake/processed/opaque/*");
  }

  @Test
  void iam_icebergGlueCatalog_sinkWritesItsTable_loadReadsItsTableOnly() throws IOException {
    TestLakes.Result r = lake("iam", "dev.lake.cli.IamFixtures#icebergGlue", "--region", "eu-west-1", "--account",
        "123456789012").ok();
    String bucket = "arn:aws:s3:::ice-lake";
    String glue = "arn:aws:glue:eu-west-1:123456789012:";
    assertThat(grants(json(r.out()))).containsExactlyInAnyOrder(
        "s3:GetObject " + bucket + "/warehouse/retail.db/days/*",
        "s3:PutObject " + bucket + "/warehouse/retail.db/days/*",
        "s3:DeleteObject " + bucket + "/warehouse/retail.db/days/*",
        "s3:AbortMultipartUpload " + bucket + "/warehouse/retail.db/days/*", // a failed run's upload in parts
        "s3:ListBucket " + bucket + " warehouse/retail.db/days/",
        "glue:GetDatabase " + glue + "catalog", "glue:GetDatabase " + glue + "database/retail",
        "glue:CreateDatabase " + glue + "catalog", "glue:CreateDatabase " + glue + "database/retail",
        "glue:GetTable " + glue + "catalog", "glue:GetTable " + glue + "database/retail",
        "glue:GetTable " + glue + "table/retail/days",
        "glue:CreateTable " + glue + "catalog", "glue:CreateTable " + glue + "database/retail",
        "glue:CreateTable " + glue + "table/retail/days",
        "glue:UpdateTable " + glue + "catalog", "glue:UpdateTable " + glue + "database/retail",
        "glue:UpdateTable " + glue + "table/retail/days",
        // the load: reading retail.sales, nothing more
        "s3:GetObject " + bucket + "/warehouse/retail.db/sales/*",
        "s3:ListBucket " + bucket + " warehouse/retail.db/sales/",
        "glue:GetTable " + glue + "table/retail/sales");
  }

  @Test
  void iam_supplierClassWithoutRegion_usesPlaceholdersAndSaysSo() throws IOException {
    TestLakes.Result r = lake("iam", "dev.lake.cli.IamFixtures$Daily").ok();
    assertThat(grants(json(r.out()))).contains("s3:PutObject arn:aws:s3:::daily-lake/root/processed/days/*");
    if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
      assertThat(r.err()).contains("placeholders REGION / ACCOUNT_ID", "--region and --account");
    }
  }

  @Test
  void iam_mistakes_nameTheFix() {
    TestLakes.Result cls = lake("iam", "dev.lake.cli.RetialLake#pipeline");
    assertThat(cls.status()).isEqualTo(2);
    assertThat(cls.err()).contains("Class dev.lake.cli.RetialLake not found",
        "Did you mean dev.lake.cli.RetailLake?", "--classpath");

    TestLakes.Result method = lake("iam", "dev.lake.cli.RetailLake#pipline");
    assertThat(method.status()).isEqualTo(2);
    assertThat(method.err()).contains("No public static method pipline", "Did you mean pipeline?",
        "pipeline(URI, Lake)");

    TestLakes.Result arity = lake("iam", REF, "--arg", "s3://b/data/");
    assertThat(arity.status()).isEqualTo(2);
    assertThat(arity.err()).contains("given 1 --arg value(s)", "pipeline(URI, Lake) takes 2 argument(s)");

    TestLakes.Result notPipeline = lake("iam", "dev.lake.cli.IamFixtures#notAPipeline");
    assertThat(notPipeline.status()).isEqualTo(2);
    assertThat(notPipeline.err()).contains("returned java.lang.String, not a Pipeline");

    TestLakes.Result jar = lake("iam", REF, "--classpath", "no/such/app.jar");
    assertThat(jar.status()).isEqualTo(2);
    assertThat(jar.err()).contains("--classpath entry no/such/app.jar does not exist", "e.g. --classpath");

    TestLakes.Result account = lake("iam", REF, "--arg", "s3://b/d/", "--arg", "s3://b/l", "--account", "12");
    assertThat(account.status()).isEqualTo(2);
    assertThat(account.err()).contains("Invalid AWS account id '12'", "12 digits");
  }
}
