package dev.lake.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM an Iceberg sink declares: the table's prefix only, Glue's table actions for a Glue catalog. */
class IcebergPermissionsTest {
  static final IamScope SCOPE = IamScope.of("eu-west-1", "123456789012");

  @Test
  void jdbcCatalogOnS3_grantsObjectsUnderTheTablesPrefixOnly() {
    IamPolicy p = IcebergCatalog.jdbc("jdbc:sqlite:/tmp/catalog.db", "s3://bucket/warehouse")
        .table("retail.online_retail").permissions(SCOPE);
    assertThat(p.isComplete()).isTrue();
    String object = "arn:aws:s3:::bucket/warehouse/retail/online_retail/data/year=2011/part-0.parquet";
    assertThat(p.allows("s3:PutObject", object, Map.of())).isTrue();
    assertThat(p.allows("s3:GetObject", object, Map.of())).isTrue();
    assertThat(p.allows("s3:DeleteObject", object, Map.of())).isTrue();
    assertThat(p.allows("s3:PutObject", "arn:aws:s3:::bucket/warehouse/retail/other/data/x.parquet", Map.of()))
        .isFalse();
    assertThat(p.allows("s3:PutObject", "arn:aws:s3:::bucket/warehouse/retail/online_retail_2/x", Map.of()))
        .isFalse();
    assertThat(p.toJson()).doesNotContain("glue:");
    assertThat(p.allows("s3:AbortMultipartUpload", object, Map.of())).as("a failed run's upload in parts").isTrue();
    assertThat(p.allows("s3:AbortMultipartUpload", "arn:aws:s3:::bucket/warehouse/retail/other/x", Map.of()))
        .isFalse();
    assertThat(p.toJson()).as("nothing lists uploads").doesNotContain("s3:ListBucketMultipartUploads");
  }

  @Test
  void glueCatalog_addsTheTablesGlueActions_andTheDotDbLocation() {
    IamPolicy p = IcebergCatalog.of("glue", Map.of("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
        "warehouse", "s3://bucket/warehouse")).table("retail.online_retail").permissions(SCOPE);
    assertThat(p.allows("glue:UpdateTable",
        "arn:aws:glue:eu-west-1:123456789012:table/retail/online_retail", Map.of())).isTrue();
    assertThat(p.allows("glue:UpdateTable", "arn:aws:glue:eu-west-1:123456789012:table/retail/other", Map.of()))
        .isFalse();
    assertThat(p.allows("glue:DeleteTable",
        "arn:aws:glue:eu-west-1:123456789012:table/retail/online_retail", Map.of())).isFalse();
    assertThat(p.allows("s3:PutObject", "arn:aws:s3:::bucket/warehouse/retail.db/online_retail/data/x.parquet",
        Map.of())).isTrue();
  }

  @Test
  void restCatalog_isUndeclared_notGuessed() {
    IamPolicy p = IcebergCatalog.rest("https://glue.eu-west-1.amazonaws.com/iceberg", "123456789012")
        .table("retail.online_retail").permissions(SCOPE);
    assertThat(p.isComplete()).isFalse();
    assertThat(p.undeclared()).anyMatch(u -> u.contains("RESTCatalog"));
  }

  @Test
  void toString_hidesCredentials() {
    assertThat(IcebergCatalog.jdbc("jdbc:postgresql://db/iceberg", "s3://b/w").with("jdbc.password", "s3cr3t")
        .toString()).doesNotContain("s3cr3t").contains("jdbc.password=****");
  }
}
