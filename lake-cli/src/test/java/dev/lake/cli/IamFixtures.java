package dev.lake.cli;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.testing.InMemorySource;
import java.util.function.Supplier;

/**
 * Pipelines for {@code lake iam}'s tests: one whose source declares no permissions, a Supplier, Iceberg through Glue,
 * and the Online Retail import followed by a warehouse load (Redshift through the Data API, or DuckDB over JDBC).
 */
public final class IamFixtures {
  private IamFixtures() {}

  /** A source that reads from somewhere Lake cannot know: it does not override {@code permissions}. */
  static final class Opaque implements Source<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "opaque";
    }

    @Override
    public String id() {
      return "opaque";
    }

    @Override
    public SourceReader<String> open(SourceContext ctx) {
      throw new UnsupportedOperationException("never read in these tests");
    }
  }

  public static Pipeline<String> opaque(String lake) {
    return Pipeline.from(new Opaque()).named("opaque").to(Lake.at(lake).processed("opaque"));
  }

  public static String notAPipeline() {
    return "hello";
  }

  /** {@code lake iam dev.lake.cli.IamFixtures$Daily}: a Supplier class. */
  public static final class Daily implements Supplier<Pipeline<?>> {
    @Override
    public Pipeline<?> get() {
      return Pipeline.from(InMemorySource.of("days", java.util.List.of("a"))).named("daily")
          .to(Lake.at("s3://daily-lake/root").processed("days"));
    }
  }

  /** {@link RetailLake#pipeline} from {@code data} into {@code lake}, then a load of its dataset into Redshift. */
  public static java.util.List<Object> retailThenRedshift(String data, String lake) {
    dev.lake.sink.warehouse.RedshiftDataApi api = dev.lake.sink.warehouse.RedshiftDataApi.builder()
        .client(software.amazon.awssdk.services.redshiftdata.RedshiftDataClient.builder()
            .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build())
        .database("dev").clusterIdentifier("analytics").dbUser("loader").build();
    Lake home = Lake.at(lake);
    return java.util.List.of(RetailLake.pipeline(java.net.URI.create(data), home),
        dev.lake.sink.warehouse.WarehouseLoad.of(home, RetailLake.DATASET).into(api)
            .table("public", RetailLake.DATASET)
            .mode(dev.lake.sink.warehouse.LoadMode.REPLACE).iamRole("arn:aws:iam::123456789012:role/lake-copy"));
  }

  /** {@link RetailLake#pipeline} from {@code data} into {@code lake}, then a load of its dataset into DuckDB. */
  public static java.util.List<Object> retailThenDuckDb(String data, String lake) {
    Lake home = Lake.at(lake);
    return java.util.List.of(RetailLake.pipeline(java.net.URI.create(data), home),
        dev.lake.sink.warehouse.WarehouseLoad.of(home, RetailLake.DATASET)
            .into(dev.lake.sink.warehouse.Dialect.DUCKDB, dev.lake.sink.warehouse.JdbcDataSource.of("jdbc:duckdb:"))
            .table(RetailLake.DATASET).mode(dev.lake.sink.warehouse.LoadMode.REPLACE));
  }

  /** A row of the Iceberg fixtures. */
  public record Day(String day) {}

  /**
   * {@code lake iam dev.lake.cli.IamFixtures#icebergGlue}: a pipeline writing an Iceberg table through the AWS Glue
   * catalog, and a warehouse load of another table of that catalog (reading only).
   */
  public static java.util.List<Object> icebergGlue() {
    dev.lake.sink.iceberg.IcebergCatalog glue = dev.lake.sink.iceberg.IcebergCatalog.of("glue", java.util.Map.of(
        "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog", "warehouse", "s3://ice-lake/warehouse"));
    return java.util.List.of(
        Pipeline.from(InMemorySource.of("days", java.util.List.of(new Day("2011-12-01")))).named("days")
            .to(glue.<Day>table("retail.days")),
        dev.lake.sink.warehouse.WarehouseLoad.of(dev.lake.sink.iceberg.IcebergRead.of(glue, "retail.sales")
                .asTableSnapshot())
            .into(dev.lake.sink.warehouse.Dialect.POSTGRES,
                dev.lake.sink.warehouse.JdbcDataSource.of("jdbc:postgresql://localhost/warehouse"))
            .table("public.sales"));
  }
}
