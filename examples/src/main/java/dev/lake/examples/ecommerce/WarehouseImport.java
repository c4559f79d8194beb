package dev.lake.examples.ecommerce;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.examples.Warehouse;
import dev.lake.io.ObjectStores;
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
 * The e-commerce bulk import followed by the load of {@code online_retail} into a warehouse, as the parts of one job:
 * what {@code lake iam} turns into one policy. The warehouse is a JDBC URL ({@code jdbc:duckdb:…},
 * {@code jdbc:postgresql:…}: the load then needs no AWS permission beyond reading the lake) or Redshift through the
 * Data API, written {@code redshift:cluster=<id>;database=<db>;dbUser=<user>;iamRole=<COPY role ARN>;region=<region>}
 * ({@code secretArn=<ARN>} instead of {@code dbUser}; {@code workgroup=<workgroup ARN>} instead of {@code cluster}).
 *
 * <pre>{@code
 * lake iam dev.lake.examples.ecommerce.WarehouseImport#of --arg s3://shop-data/ --arg s3://shop-lake/lake \
 *     --arg 'redshift:cluster=analytics;database=dev;dbUser=loader;region=eu-west-1;\
 *            iamRole=arn:aws:iam::123456789012:role/copy'
 * }</pre>
 */
public final class WarehouseImport {
  private WarehouseImport() {}

  /** The bulk import of {@code data} into {@code lake}, then the load of its dataset into {@code warehouse}. */
  public static List<Object> of(String data, String lake, String warehouse) {
    Lake home = Lake.at(lake);
    URI folder = ObjectStores.toUri(data.endsWith("/") ? data : data + "/");
    return List.of(OnlineRetail.pipeline(folder, home), load(warehouse, home, OnlineRetail.DATASET));
  }

  /** The load of {@code dataset} into {@code warehouse} (a JDBC URL or a {@code redshift:} description). */
  public static WarehouseLoad load(String warehouse, Lake lake, String dataset) {
    if (!warehouse.startsWith("redshift:")) {
      return Warehouse.of(warehouse).loadOf(lake, dataset);
    }
    Map<String, String> o = options(warehouse.substring("redshift:".length()));
    ValidationException.check(o.containsKey("region") && o.containsKey("database") && o.containsKey("iamRole"),
        "The Redshift warehouse '%s' needs region=, database= and iamRole= (and cluster= or workgroup=), e.g. "
            + "redshift:cluster=analytics;database=dev;dbUser=loader;iamRole=arn:aws:iam::123456789012:role/copy;"
            + "region=eu-west-1", warehouse);
    RedshiftDataClient client = RedshiftDataClient.builder().region(Region.of(o.get("region")))
        .httpClient(UrlConnectionHttpClient.create()).build(); // never closed: it lives as long as the load
    RedshiftDataApi.Builder api = RedshiftDataApi.builder().client(client).database(o.get("database"));
    if (o.containsKey("workgroup")) {
      api.workgroupName(o.get("workgroup"));
    } else {
      api.clusterIdentifier(o.get("cluster"));
    }
    if (o.containsKey("dbUser")) {
      api.dbUser(o.get("dbUser"));
    }
    if (o.containsKey("secretArn")) {
      api.secretArn(o.get("secretArn"));
    }
    return WarehouseLoad.of(lake, dataset).into(api.build()).table("public", dataset).mode(LoadMode.REPLACE)
        .iamRole(o.get("iamRole"));
  }

  private static Map<String, String> options(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      int eq = pair.indexOf('=');
      ValidationException.check(eq > 0, "Expected key=value in the Redshift warehouse, got '%s'", pair);
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }
}
