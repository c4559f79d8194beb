package dev.lake.cli.lakes.retail;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.ObjectStores;
import dev.lake.loader.warehouse.Dialect;
import dev.lake.loader.warehouse.JdbcDataSource;
import dev.lake.loader.warehouse.LoadMode;
import dev.lake.loader.warehouse.RedshiftDataApi;
import dev.lake.loader.warehouse.WarehouseLoad;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * lake-cli's test copy of the example {@code WarehouseImport} ({@code examples/}): the Online Retail import followed
 * by the load of {@code online_retail} into a warehouse, as the parts of one job that {@code lake iam} turns into one
 * policy. The warehouse is a JDBC URL ({@code jdbc:duckdb:…}) or Redshift through the Data API, written
 * {@code redshift:cluster=<id>;database=<db>;dbUser=<user>;iamRole=<COPY role ARN>;region=<region>}.
 *
 * <pre>{@code
 * lake iam dev.lake.cli.lakes.retail.RetailImport#of --arg s3://shop-data/ --arg s3://shop-lake/lake \
 *     --arg 'redshift:cluster=analytics;database=dev;dbUser=loader;region=eu-west-1;\
 *            iamRole=arn:aws:iam::123456789012:role/copy'
 * }</pre>
 */
public final class RetailImport {
  private RetailImport() {}

  /** The import of {@code data} into {@code lake}, then the load of its dataset into {@code warehouse}. */
  public static List<Object> of(String data, String lake, String warehouse) {
    Lake home = Lake.at(lake);
    URI folder = ObjectStores.toUri(data.endsWith("/") ? data : data + "/");
    return List.of(OnlineRetail.pipeline(folder, home), load(warehouse, home, OnlineRetail.DATASET));
  }

  private static WarehouseLoad load(String warehouse, Lake lake, String dataset) {
    if (!warehouse.startsWith("redshift:")) {
      ValidationException.check(warehouse.startsWith("jdbc:duckdb:"), "Expected jdbc:duckdb:… or redshift:…, got "
          + "'%s'", warehouse);
      return WarehouseLoad.of(lake, dataset).into(Dialect.DUCKDB, JdbcDataSource.of(warehouse)).table(dataset)
          .mode(LoadMode.REPLACE);
    }
    Map<String, String> o = new LinkedHashMap<>();
    for (String pair : warehouse.substring("redshift:".length()).split(";")) {
      int eq = pair.indexOf('=');
      ValidationException.check(eq > 0, "Expected key=value in the Redshift warehouse, got '%s'", pair);
      o.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    RedshiftDataClient client = RedshiftDataClient.builder().region(Region.of(o.get("region")))
        .httpClient(UrlConnectionHttpClient.create()).build(); // never closed: it lives as long as the load
    RedshiftDataApi api = RedshiftDataApi.builder().client(client).database(o.get("database"))
        .clusterIdentifier(o.get("cluster")).dbUser(o.get("dbUser")).build();
    return WarehouseLoad.of(lake, dataset).into(api).table("public", dataset).mode(LoadMode.REPLACE)
        .iamRole(o.get("iamRole"));
  }
}
