import java.sql.*;
/**
 * Compares two lakes' Online Retail output through DuckDB (not part of the Maven build): rows, an order-independent hash
 * of every row, the sum of the prices, and per column its Parquet type, encodings and how many chunks lack min/max.
 * <pre>
 * java -cp "$(cat /tmp/ab/parent-cp.txt):CLASSES" CompareOutputs LAKE_A LAKE_B
 * </pre>
 */
public final class CompareOutputs {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String dir : a) {
        String src = "read_parquet('" + dir + "/processed/online_retail/**/*.parquet', hive_partitioning = true)";
        try (ResultSet r = s.executeQuery("SELECT count(*), sum(hash(invoice_no, stock_code, description, quantity, invoice_date, unit_price, customer_id, country, year, month)), sum(unit_price), count(DISTINCT description) FROM " + src)) {
          r.next(); System.out.println(dir + " rows=" + r.getLong(1) + " rowhash=" + r.getString(2) + " sum_price=" + r.getString(3) + " distinct_desc=" + r.getLong(4));
        }
        try (ResultSet r = s.executeQuery("SELECT path_in_schema, type, string_agg(DISTINCT encodings, '|'), count(*) FILTER (WHERE stats_min_value IS NULL) FROM parquet_metadata('" + dir + "/processed/online_retail/**/*.parquet') GROUP BY ALL ORDER BY 1")) {
          while (r.next()) System.out.println("  " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " no_min_value=" + r.getLong(4));
        }
      }
    }
  }
}
