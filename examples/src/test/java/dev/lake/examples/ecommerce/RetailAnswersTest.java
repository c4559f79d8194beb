package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.LakeExamples;
import dev.lake.examples.Printed;
import dev.lake.examples.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BI answers of {@code ecommerce}, from the warehouse it loads (DuckDB by default, PostgreSQL with
 * {@code --warehouse jdbc:postgresql:…}), against the same answers computed in plain Java from the CSV files.
 */
class RetailAnswersTest {
  @TempDir
  static Path lake;
  static RetailFacts facts;
  static String output;

  @BeforeAll
  static void runEcommerce() throws Exception {
    facts = RetailFacts.of(OnlineRetailTest.DATA.resolve("online_retail/by-day"));
    output = Printed.byExample("ecommerce", "--lake", lake.toString(), "--data", OnlineRetailTest.DATA.toString());
  }

  @org.junit.jupiter.api.AfterAll
  static void release() {
    facts = null; // a quarter of a gigabyte: other test classes run in this JVM after this one
  }

  @Test
  void ecommerce_defaultWarehouse_isDuckDbInTheLakeWithEveryRow() {
    Warehouse duck = Warehouse.of("jdbc:duckdb:" + lake.resolve("warehouse.duckdb"));

    assertThat(duck.query("SELECT count(*) FROM online_retail").get(0).get(0)).isEqualTo((long) facts.lines.size());
    assertThat(output).contains("Warehouse jdbc:duckdb:" + lake.resolve("warehouse.duckdb"))
        .contains("541,909 rows from");
  }

  @Test
  void ecommerce_duckDbAnswers_matchFactsFromTheCsvFiles() {
    assertAnswers(new RetailAnswers(Warehouse.of("jdbc:duckdb:" + lake.resolve("warehouse.duckdb"))), true);
  }

  @Test
  void ecommerce_printedReport_showsEveryAnswerWithFactsFromTheCsvFiles() {
    List<Object> top = facts.topInvoices().get(0);
    List<Object> best = facts.topCustomers().get(0);
    assertThat(output).contains("Average net sales per period with trade:", "By hour of day (UK time):",
        "By day of week:", "By month:", "By year:", "Most sold products (net units):", "Highest invoices:",
        "Top customers (net sales):", "Repeat customers:", "Sales by country:")
        .contains(String.format("%,.2f", (BigDecimal) top.get(5)))
        .contains(String.valueOf(best.get(0)))
        .contains(String.format("%,d of %,d customers", (Long) facts.repeatCustomers().get(1),
            (Long) facts.repeatCustomers().get(0)))
        .contains(String.format("Guest checkouts (no customer id): %,.2f", facts.guestSales()));
  }

  @Test
  void ecommerce_postgresWarehouse_sameSqlGivesTheSameAnswers() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");

      int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data",
          OnlineRetailTest.DATA.toString(), "--warehouse", url);

      assertThat(status).isZero();
      assertAnswers(new RetailAnswers(Warehouse.of(url)), false);
    }
  }

  @Test
  void ecommerce_unsupportedWarehouseUrl_failsNamingItWithoutItsSecrets() {
    String err = capturedErr(() -> assertThat(LakeExamples.run("ecommerce", "--lake", lake.toString(),
        "--warehouse", "jdbc:mysql://db/shop?password=hunter2")).isNotZero());

    assertThat(err).contains("--warehouse jdbc:mysql://db/shop?…: not a supported JDBC URL")
        .doesNotContain("hunter2");
  }

  private static String capturedErr(Runnable run) {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setErr(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Every answer equal to the facts. Text columns that depend on the database's collation (MAX(description),
   * MIN(country)) are compared on DuckDB only, whose byte order is Java's for this data.
   */
  private static void assertAnswers(RetailAnswers a, boolean textColumns) {
    assertAnswers(a, facts, textColumns);
  }

  /** Every answer of {@code a} equal to those computed from {@code facts}. */
  static void assertAnswers(RetailAnswers a, RetailFacts facts, boolean textColumns) {
    assertThat(norm(a.lineKinds())).isEqualTo(norm(facts.lineKinds()));
    assertThat(norm(a.averages())).isEqualTo(norm(facts.averages()));
    assertThat(norm(a.byHourOfDay())).isEqualTo(norm(facts.perDay(l -> l.at().getHour())));
    assertThat(norm(a.byDayOfWeek())).isEqualTo(norm(facts.perDay(l -> l.at().getDayOfWeek().getValue() % 7)));
    assertThat(norm(a.byMonth())).isEqualTo(norm(facts.perDay(l -> l.at().getYear() * 100
        + l.at().getMonthValue())));
    assertThat(norm(a.byYear())).isEqualTo(norm(facts.perDay(l -> l.at().getYear())));
    assertThat(norm(a.repeatCustomers())).isEqualTo(norm(facts.repeatCustomers()));
    assertThat(a.guestSales()).isEqualByComparingTo(facts.guestSales());
    assertThat(norm(cols(a.topProducts(), textColumns ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3})))
        .isEqualTo(norm(cols(facts.topProducts(), textColumns ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3})));
    assertThat(norm(cols(a.topInvoices(), textColumns ? new int[] {0, 1, 2, 3, 4, 5} : new int[] {0, 1, 2, 4, 5})))
        .isEqualTo(norm(cols(facts.topInvoices(), textColumns ? new int[] {0, 1, 2, 3, 4, 5}
            : new int[] {0, 1, 2, 4, 5})));
    assertThat(norm(cols(a.topCustomers(), textColumns ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3})))
        .isEqualTo(norm(cols(facts.topCustomers(), textColumns ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3})));
    assertThat(norm(a.byCountry())).isEqualTo(norm(facts.byCountry()));
  }

  private static List<List<Object>> cols(List<List<Object>> rows, int[] keep) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      List<Object> row = new ArrayList<>();
      for (int i : keep) {
        row.add(r.get(i));
      }
      out.add(row);
    }
    return out;
  }

  /** Numbers as plain decimals, timestamps to the minute, the rest as text: comparable across drivers. */
  private static List<Object> norm(List<?> row) {
    List<Object> out = new ArrayList<>();
    for (Object v : row) {
      if (v instanceof List<?> nested) {
        out.add(norm(nested));
      } else if (v instanceof Number n) {
        out.add(RetailAnswers.decimal(n).stripTrailingZeros().toPlainString());
      } else if (v instanceof java.sql.Timestamp t) {
        out.add(t.toLocalDateTime().toString());
      } else if (v instanceof LocalDateTime t) {
        out.add(t.toString());
      } else {
        out.add(String.valueOf(v));
      }
    }
    return out;
  }
}
