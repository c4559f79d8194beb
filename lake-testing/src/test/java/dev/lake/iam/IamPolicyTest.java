package dev.lake.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.exceptions.ValidationException;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamPolicyTest {
  static final String BUCKET = "arn:aws:s3:::b";

  @Test
  void statements_differentActionsOnDifferentResources_neverCrossed() {
    IamPolicy p = IamPolicy.of(Permission.allow(List.of("s3:GetObject"), BUCKET + "/in/*"),
        Permission.allow(List.of("s3:PutObject"), BUCKET + "/out/*"));

    assertThat(p.statements()).hasSize(2);
    assertThat(p.allows("s3:GetObject", BUCKET + "/in/a.csv", Map.of())).isTrue();
    assertThat(p.allows("s3:PutObject", BUCKET + "/in/a.csv", Map.of())).isFalse();
    assertThat(p.allows("s3:GetObject", BUCKET + "/out/a.csv", Map.of())).isFalse();
  }

  @Test
  void statements_sameActions_shareOneStatementAndPrefixesMerge() {
    IamPolicy p = IamPolicy.of(
        Permission.allow(List.of("s3:PutObject", "s3:DeleteObject"), BUCKET + "/a/*"),
        Permission.allow(List.of("s3:DeleteObject", "s3:PutObject"), BUCKET + "/b/*"),
        Permission.allow(List.of("s3:ListBucket"), BUCKET).when("StringEquals", "s3:prefix", "a/"),
        Permission.allow(List.of("s3:ListBucket"), BUCKET).when("StringEquals", "s3:prefix", "b/"));

    assertThat(p.statements()).extracting(Statement::resources).containsExactly(
        List.of(BUCKET + "/a/*", BUCKET + "/b/*"), List.of(BUCKET));
    assertThat(p.statements().get(1).conditions()).isEqualTo(Map.of("StringEquals",
        Map.of("s3:prefix", java.util.Set.of("a/", "b/"))));
    assertThat(p.allows("s3:ListBucket", BUCKET, Map.of("s3:prefix", "b/"))).isTrue();
    assertThat(p.allows("s3:ListBucket", BUCKET, Map.of("s3:prefix", "c/"))).isFalse();
    assertThat(p.allows("s3:ListBucket", BUCKET, Map.of())).as("a request without the key").isFalse();
  }

  @Test
  void toJson_validDocumentWithUniqueSidsAndSameTextForTheSameGrantsInAnyOrder() throws Exception {
    Permission get = Permission.allow(List.of("s3:GetObject"), BUCKET + "/in/*");
    Permission put = Permission.allow(List.of("kinesis:PutRecords"), "arn:aws:kinesis:eu-west-1:1:stream/s");
    Permission list = Permission.allow(List.of("s3:ListBucket"), BUCKET).when("StringEquals", "s3:prefix", "in/");

    String json = IamPolicy.of(get, put, list).toJson();
    JsonNode doc = new ObjectMapper().readTree(json);

    assertThat(json).isEqualTo(IamPolicy.of(list, put, get).toJson());
    assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
    List<String> sids = new ArrayList<>();
    doc.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
    assertThat(sids).containsExactly("Kinesis1", "S31", "S32");
    assertThat(doc.at("/Statement/0/Action").asText()).isEqualTo("kinesis:PutRecords");
    assertThat(doc.at("/Statement/2/Condition/StringEquals/s3:prefix").asText()).isEqualTo("in/");
  }

  @Test
  void allows_iamWildcards() {
    Statement s = Statement.builder().sid("S").actions(List.of("S3:GetObject"))
        .resources(List.of(BUCKET + "/in/*.csv?")).build();

    assertThat(s.allows("s3:getobject", BUCKET + "/in/2024/a.csv1", Map.of())).as("* spans '/'").isTrue();
    assertThat(s.allows("s3:GetObject", BUCKET + "/in/a.csv", Map.of())).as("? is one character").isFalse();
    assertThat(s.allows("s3:GetObject", BUCKET + "/in/a+b(c).csv1", Map.of())).as("regex characters").isTrue();
  }

  @Test
  void undeclared_carriedThroughAndAndNamedOnThePipeline() {
    Sink<String> opaque = new Sink<>() {
      @Override
      public String name() {
        return "opaque";
      }

      @Override
      public SinkWriter<String> open(WriterContext ctx) {
        throw new UnsupportedOperationException();
      }

      @Override
      public dev.lake.io.CommitSummary commit(List<dev.lake.io.WriterResult> r, dev.lake.io.CommitContext c) {
        throw new UnsupportedOperationException();
      }
    };
    IamPolicy p = Pipeline.from(InMemorySource.of("rows", List.of("a"))).named("p").to(InMemorySink.<String>create())
        .to(opaque).requiredPermissions(IamScope.unknown());

    assertThat(p.isComplete()).isFalse();
    assertThat(p.undeclared()).containsExactly("sink opaque");
    assertThat(p.and(IamPolicy.undeclared("source x")).undeclared()).containsExactly("sink opaque", "source x");
  }

  @Test
  void requiredPermissions_localLake_needsNothing(@TempDir Path dir) {
    IamPolicy p = Pipeline.from(InMemorySource.of("rows", List.of("a"))).named("p")
        .to(Lake.at(dir.toString()).processed("rows")).onBadRows(dev.lake.BadRowPolicy.toRejectedZone())
        .requiredPermissions(IamScope.unknown());

    assertThat(p.isComplete()).isTrue();
    assertThat(p.statements()).isEmpty();
  }

  @Test
  void scope_accountAndPartition() {
    assertThat(IamScope.of("cn-north-1", "123456789012").arn("kinesis", "stream/s"))
        .isEqualTo("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/s");
    assertThat(IamScope.unknown().arn("dynamodb", "table/t")).isEqualTo("arn:aws:dynamodb:REGION:ACCOUNT_ID:table/t");
    assertThatThrownBy(() -> IamScope.of("eu-west-1", "1234")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid AWS account id '1234'").hasMessageContaining("12 digits");
  }
}
