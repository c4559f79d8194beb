package dev.lake.cli;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.testing.InMemorySource;
import java.util.function.Supplier;

/** Pipelines for {@code lake iam}'s tests: one whose source declares no permissions, and a Supplier. */
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
        dev.lake.loader.warehouse.WarehouseLoad.of(dev.lake.sink.iceberg.IcebergRead.of(glue, "retail.sales")
                .asTableSnapshot())
            .into(dev.lake.loader.warehouse.Dialect.POSTGRES,
                dev.lake.loader.warehouse.JdbcDataSource.of("jdbc:postgresql://localhost/warehouse"))
            .table("public.sales"));
  }
}
