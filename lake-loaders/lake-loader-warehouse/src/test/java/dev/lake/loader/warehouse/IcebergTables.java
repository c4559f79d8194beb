package dev.lake.loader.warehouse;

import dev.lake.Pipeline;
import dev.lake.testing.InMemorySource;
import dev.lake.io.SourceReader;
import dev.lake.io.TableSnapshot;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.sink.iceberg.IcebergRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;

/** Iceberg tables written by IcebergSink for the load tests, and both sides read back as key to quantity. */
final class IcebergTables {
  private IcebergTables() {}

  record Line(String invoice, int line, String item, int quantity, int month) {}

  /** Appends lines to {@code shop.sales} (plain appends: no delete files). */
  static void append(IcebergCatalog catalog, String split, List<Line> lines) {
    Pipeline.from(InMemorySource.of(split, lines)).named("sales").withParallelism(1)
        .to(catalog.<Line>table("shop.sales").partitionBy("month")).run();
  }

  /** Upserts lines into {@code shop.lines} by invoice, line and month (equality and position deletes). */
  static void upsert(IcebergCatalog catalog, String split, List<Line> lines) {
    Pipeline.from(InMemorySource.of(split, lines)).named("invoices").withParallelism(1)
        .to(catalog.<Line>table("shop.lines").partitionBy("month").upsertBy("invoice", "line", "month")).run();
  }

  static TableSnapshot newest(IcebergCatalog catalog, String table) {
    return IcebergRead.of(catalog, table).asTableSnapshot();
  }

  static List<Line> lines(int from, int to, int quantity) {
    return java.util.stream.IntStream.range(from, to)
        .mapToObj(i -> new Line("inv" + i, i % 3, "item " + i, quantity, 1 + i % 2)).toList();
  }

  /** The table's rows at its newest snapshot, deletes applied: invoice/line to quantity. */
  static Map<String, Long> table(IcebergCatalog catalog, String table) {
    Map<String, Long> out = new TreeMap<>();
    try (SourceReader<GenericRecord> r = IcebergRead.of(catalog, table).plan().open()) {
      r.forEachRemaining(row -> put(out, row.get("invoice") + "/" + row.get("line"),
          ((Number) row.get("quantity")).longValue()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The warehouse table's rows: invoice/line to quantity, each key once. */
  static Map<String, Long> warehouse(DataSource ds, String table) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT invoice, line, quantity FROM " + Sql.ident(table))) {
      while (rs.next()) {
        put(out, rs.getString(1) + "/" + rs.getInt(2), rs.getLong(3));
      }
    }
    return out;
  }

  private static void put(Map<String, Long> out, String key, long quantity) {
    if (out.put(key, quantity) != null) {
      throw new AssertionError("key " + key + " twice");
    }
  }
}
