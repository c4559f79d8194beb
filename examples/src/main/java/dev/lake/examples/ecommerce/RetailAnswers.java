package dev.lake.examples.ecommerce;

import dev.lake.examples.AnswerTable;
import dev.lake.examples.Warehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The BI questions of the e-commerce use case, answered in SQL from the warehouse table {@code online_retail}. The
 * SQL is plain enough to run unchanged on DuckDB, PostgreSQL and Redshift ({@code EXTRACT}, {@code DATE_TRUNC},
 * {@code CASE}, {@code COUNT(DISTINCT …)}, {@code LIMIT}).
 *
 * <p>How lines count:
 * <ul>
 *   <li>a <b>sale</b> is a line of a numbered invoice (first character a digit) with a positive quantity and price;
 *   <li>a <b>cancellation</b> is a line of an invoice numbered {@code C…} (its quantity is negative): it counts on
 *       the day it was made, with its negative amount, so every sales figure is <b>net</b> of cancellations and a
 *       product's units are net of returns;
 *   <li>every other line (zero-price stock adjustments, the {@code A…} bad-debt entries) is bookkeeping, not
 *       trade: it is left out, and {@link #lineKinds()} counts it so nothing is dropped unseen.
 * </ul>
 * Amounts are {@code quantity * unit_price} in pounds sterling. Invoice counts and invoice totals use sales only (a
 * cancellation is its own invoice, so the highest invoices are gross).
 *
 * <pre>{@code
 * RetailAnswers answers = new RetailAnswers(Warehouse.of("jdbc:duckdb:lake/warehouse.duckdb"));
 * System.out.print(answers.report());
 * }</pre>
 */
public final class RetailAnswers {
  /** Each line with its kind, day and amount: the common table expression every question starts from. */
  static final String LINES = "WITH lines AS (SELECT invoice_no, stock_code, description, quantity, invoice_date, "
      + "customer_id, country, year, month, CAST(invoice_date AS DATE) AS day, quantity * unit_price AS amount, "
      + "CASE WHEN invoice_no LIKE 'C%' THEN 'cancellation' "
      + "WHEN SUBSTRING(invoice_no, 1, 1) BETWEEN '0' AND '9' AND quantity > 0 AND unit_price > 0 THEN 'sale' "
      + "ELSE 'other' END AS kind FROM online_retail) ";
  private static final String TRADE = " FROM lines WHERE kind <> 'other' ";
  private static final String SALE_INVOICES = "COUNT(DISTINCT CASE WHEN kind = 'sale' THEN invoice_no END)";
  private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday"};
  private static final int TOP = 10;

  private final Warehouse warehouse;

  public RetailAnswers(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  private List<List<Object>> query(String sql) {
    return warehouse.query(LINES + sql);
  }

  /** Lines per kind: kind, lines, amount (sale, cancellation, other). */
  public List<List<Object>> lineKinds() {
    return query("SELECT kind, COUNT(*) AS lines, SUM(amount) AS amount FROM lines GROUP BY kind ORDER BY kind");
  }

  /**
   * Average net sales per hour, day, month and year of trading: grain, periods with trade, average. A period
   * counts when it has at least one sale or cancellation.
   */
  public List<List<Object>> averages() {
    List<Object> r = query("SELECT SUM(amount), COUNT(DISTINCT DATE_TRUNC('hour', invoice_date)), "
        + "COUNT(DISTINCT day), COUNT(DISTINCT year * 100 + month), COUNT(DISTINCT year)" + TRADE).get(0);
    BigDecimal net = decimal(r.get(0));
    List<List<Object>> rows = new ArrayList<>();
    String[] grains = {"hour", "day", "month", "year"};
    for (int i = 0; i < grains.length; i++) {
      long periods = ((Number) r.get(i + 1)).longValue();
      rows.add(List.of(grains[i], periods, net.divide(BigDecimal.valueOf(periods), 2, RoundingMode.HALF_UP)));
    }
    return rows;
  }

  /** Per hour of the day (UK time): hour, trading days, invoices, net sales, average net sales per trading day. */
  public List<List<Object>> byHourOfDay() {
    return perDay("CAST(EXTRACT(HOUR FROM invoice_date) AS INTEGER)");
  }

  /** Per day of the week: weekday (0 = Sunday), trading days, invoices, net sales, average per trading day. */
  public List<List<Object>> byDayOfWeek() {
    return perDay("CAST(EXTRACT(DOW FROM invoice_date) AS INTEGER)");
  }

  /** Per month: year*100+month, trading days, invoices, net sales, average per trading day. */
  public List<List<Object>> byMonth() {
    return perDay("year * 100 + month");
  }

  /** Per year: year, trading days, invoices, net sales, average per trading day. */
  public List<List<Object>> byYear() {
    return perDay("year");
  }

  private List<List<Object>> perDay(String bucket) {
    return query("SELECT " + bucket + " AS bucket, COUNT(DISTINCT day) AS days, " + SALE_INVOICES
        + " AS invoices, SUM(amount) AS net_sales" + TRADE + "GROUP BY 1 ORDER BY 1");
  }

  /** The most sold products by net units: stock_code, description, units, net sales. */
  public List<List<Object>> topProducts() {
    return query("SELECT stock_code, MAX(description) AS description, CAST(SUM(quantity) AS BIGINT) AS units, "
        + "SUM(amount) AS net_sales" + TRADE + "GROUP BY stock_code ORDER BY units DESC, stock_code LIMIT " + TOP);
  }

  /** The highest invoices: invoice_no, invoice_date, customer_id, country, lines, total. */
  public List<List<Object>> topInvoices() {
    return query("SELECT invoice_no, MIN(invoice_date) AS invoice_date, MIN(customer_id) AS customer_id, "
        + "MIN(country) AS country, COUNT(*) AS lines, SUM(amount) AS total FROM lines WHERE kind = 'sale' "
        + "GROUP BY invoice_no ORDER BY total DESC, invoice_no LIMIT " + TOP);
  }

  /** The best customers by net sales: customer_id, country, invoices, net sales. */
  public List<List<Object>> topCustomers() {
    return query("SELECT customer_id, MIN(country) AS country, " + SALE_INVOICES + " AS invoices, "
        + "SUM(amount) AS net_sales" + TRADE + "AND customer_id IS NOT NULL GROUP BY customer_id "
        + "ORDER BY net_sales DESC, customer_id LIMIT " + TOP);
  }

  /** Customers with a sale, and those with sales on two or more invoices: [customers, repeat customers]. */
  public List<Object> repeatCustomers() {
    return query("SELECT COUNT(*) AS customers, SUM(CASE WHEN invoices > 1 THEN 1 ELSE 0 END) AS repeaters FROM "
        + "(SELECT customer_id, COUNT(DISTINCT invoice_no) AS invoices FROM lines WHERE kind = 'sale' "
        + "AND customer_id IS NOT NULL GROUP BY customer_id) c").get(0);
  }

  /** Net sales per country, highest first: country, customers, invoices, net sales. */
  public List<List<Object>> byCountry() {
    return query("SELECT country, COUNT(DISTINCT customer_id) AS customers, " + SALE_INVOICES + " AS invoices, "
        + "SUM(amount) AS net_sales" + TRADE + "GROUP BY country ORDER BY net_sales DESC, country");
  }

  /** Net sales of lines without a customer id (guest checkouts). */
  public BigDecimal guestSales() {
    return decimal(query("SELECT SUM(amount)" + TRADE + "AND customer_id IS NULL").get(0).get(0));
  }

  /** Every answer as text tables. */
  public String report() {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("Lines (sales and cancellations count, net; other lines are left out):").append(nl)
        .append(AnswerTable.format(List.of("kind", "lines", "amount"), lineKinds().stream()
            .map(r -> List.of(r.get(0), r.get(1), money(r.get(2)))).toList())).append(nl);
    out.append("Average net sales per period with trade:").append(nl)
        .append(AnswerTable.format(List.of("per", "periods", "average"), averages())).append(nl);
    out.append(perDayTable("By hour of day (UK time)", "hour", byHourOfDay(), b -> String.format("%02d:00", b)));
    out.append(perDayTable("By day of week", "day", byDayOfWeek(), b -> WEEKDAYS[b]));
    out.append(perDayTable("By month", "month", byMonth(), b -> String.format("%d-%02d", b / 100, b % 100)));
    out.append(perDayTable("By year", "year", byYear(), String::valueOf));
    out.append("Most sold products (net units):").append(nl)
        .append(AnswerTable.format(List.of("stock_code", "description", "units", "net sales"), topProducts().stream()
            .map(r -> List.of(r.get(0), String.valueOf(r.get(1)), r.get(2), money(r.get(3)))).toList())).append(nl);
    out.append("Highest invoices:").append(nl)
        .append(AnswerTable.format(List.of("invoice_no", "date", "customer", "country", "lines", "total"),
            topInvoices().stream().map(r -> List.of(r.get(0), minutes(r.get(1)), r.get(2) == null ? "guest"
                : String.valueOf(r.get(2)),
                r.get(3), r.get(4), money(r.get(5)))).toList())).append(nl);
    out.append("Top customers (net sales):").append(nl)
        .append(AnswerTable.format(List.of("customer", "country", "invoices", "net sales"), topCustomers().stream()
            .map(r -> List.of(String.valueOf(r.get(0)), r.get(1), r.get(2), money(r.get(3)))).toList())).append(nl);
    List<Object> repeat = repeatCustomers();
    long customers = ((Number) repeat.get(0)).longValue();
    long repeaters = ((Number) repeat.get(1)).longValue();
    out.append(String.format("Repeat customers: %,d of %,d customers bought on two or more invoices (%.1f%%)%n",
        repeaters, customers, customers == 0 ? 0.0 : 100.0 * repeaters / customers));
    out.append(String.format("Guest checkouts (no customer id): %,.2f net%n", guestSales())).append(nl);
    out.append(countryTable());
    return out.toString();
  }

  private String countryTable() {
    List<List<Object>> countries = byCountry();
    BigDecimal total = countries.stream().map(r -> decimal(r.get(3))).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<List<Object>> rows = new ArrayList<>();
    BigDecimal rest = BigDecimal.ZERO;
    for (int i = 0; i < countries.size(); i++) {
      List<Object> r = countries.get(i);
      if (i < TOP) {
        rows.add(List.of(r.get(0), r.get(1), r.get(2), money(r.get(3)), share(decimal(r.get(3)), total)));
      } else {
        rest = rest.add(decimal(r.get(3)));
      }
    }
    if (countries.size() > TOP) {
      rows.add(List.of((countries.size() - TOP) + " other countries", "", "", money(rest), share(rest, total)));
    }
    return "Sales by country:" + System.lineSeparator()
        + AnswerTable.format(List.of("country", "customers", "invoices", "net sales", "%"), rows);
  }

  private static String perDayTable(String title, String name, List<List<Object>> rows,
      java.util.function.IntFunction<String> label) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      long days = ((Number) r.get(1)).longValue();
      BigDecimal net = decimal(r.get(3));
      out.add(List.of(label.apply(((Number) r.get(0)).intValue()), days, r.get(2), money(net),
          money(net.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP))));
    }
    return title + ":" + System.lineSeparator()
        + AnswerTable.format(List.of(name, "days", "invoices", "net sales", "per day"), out) + System.lineSeparator();
  }

  private static Double share(BigDecimal part, BigDecimal total) {
    return part.doubleValue() * 100 / total.doubleValue();
  }

  /** A timestamp as {@code 2011-12-09 09:15}. */
  private static String minutes(Object timestamp) {
    String s = String.valueOf(timestamp).replace('T', ' ');
    return s.length() > 16 ? s.substring(0, 16) : s;
  }

  /** A JDBC number (DECIMAL, DOUBLE, HUGEINT, …) as a BigDecimal. */
  static BigDecimal decimal(Object value) {
    return value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
  }

  /** An amount rounded to pence (printed as 1,234.50 by {@link AnswerTable}). */
  private static BigDecimal money(Object value) {
    return decimal(value).setScale(2, RoundingMode.HALF_UP);
  }
}
