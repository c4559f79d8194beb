package dev.lake.loader.warehouse;

import dev.lake.Decimal;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.testing.InMemorySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Small datasets written into a temporary lake by a real pipeline (shared by the warehouse tests). */
final class Datasets {
  /** The base schema: partitioned by country; names hold commas, quotes, newlines, backslashes, '' and null. */
  record Sale(long id, String name, int qty, @Decimal(precision = 10, scale = 3) BigDecimal price, LocalDate day,
      LocalDateTime at, String country) {}

  /** Sale plus a nullable column. */
  record SaleV2(long id, String name, int qty, @Decimal(precision = 10, scale = 3) BigDecimal price, LocalDate day,
      LocalDateTime at, String country, String note) {}

  /** Sale with qty changed to text: incompatible. */
  record SaleV3(long id, String name, String qty, @Decimal(precision = 10, scale = 3) BigDecimal price,
      LocalDate day, LocalDateTime at, String country) {}

  /** Sale without qty (a NOT NULL column in tables loaded from Sale). */
  record SaleV4(long id, String name, @Decimal(precision = 10, scale = 3) BigDecimal price, LocalDate day,
      LocalDateTime at, String country) {}

  static final String[] NAMES = {"plain", "comma, here", "quote \" here", "new\nline", "back\\slash", "", null,
      "x'; drop table t;--", "ünïcödé €"};

  private Datasets() {}

  static Sale sale(int i, int qty) {
    return new Sale(i, NAMES[i % NAMES.length], qty, new BigDecimal(i).movePointLeft(3).add(BigDecimal.ONE),
        LocalDate.of(2011, 1, 1).plusDays(i), LocalDateTime.of(2011, 1, 1, 8, 26).plusMinutes(i),
        i % 3 == 0 ? "United Kingdom" : i % 3 == 1 ? "France/Belgium" : null);
  }

  static List<Sale> sales(int from, int to, int qtyBase) {
    return range(from, to, i -> sale(i, qtyBase + i));
  }

  static <T> List<T> range(int from, int to, IntFunction<T> row) {
    List<T> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(row.apply(i));
    }
    return out;
  }

  /** Appends these rows to dataset "sales" (a new version adding files; partitioned by country). */
  static <T> void append(Lake lake, List<T> rows) {
    Pipeline.from(InMemorySource.of("sales-" + System.nanoTime(), rows).withSplits(2))
        .named("sales-append").to(lake.processed("sales").partitionBy("country")).run();
  }

  /** Every sale id of the dataset's newest version, sorted (what a table loaded from it must hold, once each). */
  static List<Long> ids(Lake lake) {
    return lake.read("sales").readAll().stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  /** Replaces dataset "sales" with these rows (a real pipeline run, partitioned by country). */
  static <T> void write(Lake lake, List<T> rows) {
    Pipeline.from(InMemorySource.of("sales", rows).withSplits(2)).named("sales-" + System.nanoTime())
        .to(lake.processed("sales").partitionBy("country").mode(WriteMode.OVERWRITE)).run();
  }
}
