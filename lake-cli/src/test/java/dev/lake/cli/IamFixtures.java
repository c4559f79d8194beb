package dev.lake.cli;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.loader.warehouse.Dialect;
import dev.lake.loader.warehouse.JdbcDataSource;
import dev.lake.loader.warehouse.LoadMode;
import dev.lake.loader.warehouse.RedshiftDataApi;
import dev.lake.loader.warehouse.WarehouseLoad;
import dev.lake.testing.InMemorySource;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

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
      return Pipeline.from(InMemorySource.of("days", List.of("a"))).named("daily")
          .to(Lake.at("s3://daily-lake/root").processed("days"));
    }
  }

  /** {@link RetailLake#pipeline} from {@code data} into {@code lake}, then a load of its dataset into Redshift. */
  public static List<Object> retailThenRedshift(String data, String lake) {
    RedshiftDataApi api = RedshiftDataApi.builder()
        .client(RedshiftDataClient.builder()
            .region(Region.EU_WEST_1)
            .httpClient(UrlConnectionHttpClient.create()).build())
        .database("dev").clusterIdentifier("analytics").dbUser("loader").build();
    Lake home = Lake.at(lake);
    return List.of(RetailLake.pipeline(URI.create(data), home),
        WarehouseLoad.of(home, RetailLake.DATASET).into(api)
            .table("public", RetailLake.DATASET)
            .mode(LoadMode.REPLACE).iamRole("arn:aws:iam::123456789012:role/lake-copy"));
  }

  /** {@link RetailLake#pipeline} from {@code data} into {@code lake}, then a load of its dataset into DuckDB. */
  public static List<Object> retailThenDuckDb(String data, String lake) {
    Lake home = Lake.at(lake);
    return List.of(RetailLake.pipeline(URI.create(data), home),
        WarehouseLoad.of(home, RetailLake.DATASET)
            .into(Dialect.DUCKDB, JdbcDataSource.of("jdbc:duckdb:"))
            .table(RetailLake.DATASET).mode(LoadMode.REPLACE));
  }

  /** A row of the Iceberg fixtures. */
  public record Day(String day) {}

  /**
   * {@code lake iam dev.lake.cli.IamFixtures#icebergGlue}: a pipeline writing an Iceberg table through the AWS Glue
   * catalog, and a warehouse load of another table of that catalog (reading only).
   */
  public static List<Object> icebergGlue() {
    dev.lake.sink.iceberg.IcebergCatalog glue = dev.lake.sink.iceberg.IcebergCatalog.of("glue", java.util.Map.of(
        "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog", "warehouse", "s3://ice-lake/warehouse"));
    return List.of(
        Pipeline.from(InMemorySource.of("days", List.of(new Day("2011-12-01")))).named("days")
            .to(glue.<Day>table("retail.days")),
        WarehouseLoad.of(dev.lake.sink.iceberg.IcebergRead.of(glue, "retail.sales")
                .asTableSnapshot())
            .into(Dialect.POSTGRES,
                JdbcDataSource.of("jdbc:postgresql://localhost/warehouse"))
            .table("public.sales"));
  }
}
