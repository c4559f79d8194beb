package dev.lake.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * IamScope, Permission and Statement, once records: the records' normalisation and checks, equality by content and
 * the records' toString.
 */
class IamValuesTest {
  private static final String BUCKET = "arn:aws:s3:::bucket";

  @Test
  void iamScope_partitionFromTheRegion_blankPartsPlaceholders() {
    assertThat(IamScope.of(" CN-North-1 ", "123456789012")).hasToString(
        "IamScope[partition=aws-cn, region=cn-north-1, account=123456789012]");
    assertThat(IamScope.of("eu-west-1", null).withRegion("us-gov-west-1").partition()).isEqualTo("aws-us-gov");
    assertThat(IamScope.unknown()).isEqualTo(IamScope.of(" ", "")).hasSameHashCodeAs(IamScope.of(null, null))
        .isNotEqualTo(IamScope.of("eu-west-1", null));
    assertThat(IamScope.unknown().arn("kinesis", "stream/s")).isEqualTo("arn:aws:kinesis:REGION:ACCOUNT_ID:stream/s");
    assertThat(IamScope.unknown().hasPlaceholders()).isTrue();
  }

  @Test
  void iamScope_badAccount_failsNamingItAndTheFix() {
    assertThatThrownBy(() -> IamScope.of("eu-west-1", "12345")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid AWS account id '12345'").hasMessageContaining("aws sts get-caller-identity");
  }

  @Test
  void permission_copiesSortsAndComparesByContent() {
    Permission list = Permission.allow(List.of("s3:ListBucket"), BUCKET).when("StringLike", "s3:prefix", "b/", "a/");

    assertThat(list.conditions()).containsExactly(Map.entry("StringLike", Map.of("s3:prefix", Set.of("a/", "b/"))));
    assertThat(list.conditions().get("StringLike").get("s3:prefix")).containsExactly("a/", "b/");
    assertThat(list).isEqualTo(Permission.allow(Set.of("s3:ListBucket"), BUCKET).when("StringLike", "s3:prefix", "a/")
        .when("StringLike", "s3:prefix", "b/")).isNotEqualTo(Permission.allow(List.of("s3:ListBucket"), BUCKET));
    assertThat(Permission.allow(List.of("s3:GetObject"), BUCKET + "/k"))
        .hasToString("Permission[actions=[s3:GetObject], resources=[arn:aws:s3:::bucket/k], conditions={}]");
  }

  @Test
  void permission_withResources_keepsActionsAndConditions() {
    Permission list = Permission.allow(List.of("s3:ListBucket"), BUCKET).when("StringLike", "s3:prefix", "a/");

    Permission other = list.withResources(List.of("arn:aws:s3:::other"));

    assertThat(other.resources()).containsExactly("arn:aws:s3:::other");
    assertThat(other.actions()).isEqualTo(list.actions());
    assertThat(other.conditions()).isEqualTo(list.conditions());
    assertThatThrownBy(() -> list.withResources(List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one action and one resource");
    assertThatThrownBy(() -> Permission.allow(List.of(), BUCKET)).isInstanceOf(ValidationException.class);
  }

  @Test
  void statement_builtFromCopies_equalByContent() {
    List<String> actions = new ArrayList<>(List.of("s3:GetObject"));
    Statement s = Statement.builder().sid("S31").actions(actions).resources(List.of(BUCKET + "/*")).build();
    actions.add("s3:PutObject");

    assertThat(s.actions()).containsExactly("s3:GetObject");
    assertThat(s.conditions()).isEmpty();
    assertThat(s.allows("s3:GetObject", BUCKET + "/a/b", Map.of())).isTrue();
    assertThat(s.allows("s3:PutObject", BUCKET + "/a/b", Map.of())).isFalse();
    assertThat(s).isEqualTo(s.toBuilder().build()).hasSameHashCodeAs(s.toBuilder().build())
        .isNotEqualTo(s.toBuilder().sid("S32").build())
        .hasToString("Statement[sid=S31, actions=[s3:GetObject], resources=[arn:aws:s3:::bucket/*], conditions={}]");
  }

  @Test
  void statement_ofAPolicy_conditionsInTheDocumentsOrder() {
    IamPolicy policy = IamPolicy.of(Permission.allow(List.of("s3:ListBucket"), BUCKET)
        .when("StringLike", "s3:prefix", "z/").when("StringEquals", "s3:delimiter", "/"));

    Statement s = policy.statements().get(0);

    assertThat(s.conditions().keySet()).containsExactly("StringEquals", "StringLike");
    assertThat(s.toBuilder().build().conditions().keySet()).containsExactly("StringEquals", "StringLike");
    assertThat(policy.toJson()).contains("\"Sid\" : \"S31\"");
  }
}
