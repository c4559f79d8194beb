package dev.lake.it.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The answers computed from the CSV day files alone, with DuckDB's {@code read_csv} and explicit column types (no
 * Lake code involved): per day, what a complete and single copy of that day's file must read as.
 *
 * <pre>{@code
 * ExpectedAnswers expected = ExpectedAnswers.get();
 * expected.day(LocalDate.parse("2011-12-09"));   // 1,234 rows, ...
 * }</pre>
 */
public final class ExpectedAnswers {
  /** The day files, relative to this module. */
  public static final Path BY_DAY = Path.of("../data/online_retail/by-day").toAbsolutePath().normalize();
  /** Rows in all 305 files. */
  public static final long ROWS = 541_909;
  /** Sum of quantity over all files. */
  public static final long QUANTITY = 5_176_450;
  /** Sum of quantity × unit price over all files. */
  public static final BigDecimal REVENUE = new BigDecimal("9747747.934");

  private static ExpectedAnswers instance;

  private final SortedMap<LocalDate, DayStats> days;
  private final long linesOnAnotherDay;

  private ExpectedAnswers(SortedMap<LocalDate, DayStats> days, long linesOnAnotherDay) {
    this.days = days;
    this.linesOnAnotherDay = linesOnAnotherDay;
  }

  /** The answers, computed once per JVM. */
  public static synchronized ExpectedAnswers get() {
    if (instance == null) {
      try (Duck duck = new Duck()) {
        String csv = "(SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, Description AS description, "
            + "Quantity AS quantity, InvoiceDate AS invoice_date, UnitPrice AS unit_price, "
            + "CustomerID::BIGINT AS customer_id, Country AS country, filename FROM read_csv(" + fileList()
            + ", header=true, filename=true, timestampformat='%Y-%m-%d %H:%M:%S', columns={'InvoiceNo': 'VARCHAR', "
            + "'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP', "
            + "'UnitPrice': 'DECIMAL(10,3)', 'CustomerID': 'DOUBLE', 'Country': 'VARCHAR'}))";
        long elsewhere = ((Number) duck.query("SELECT count(*) FROM " + csv + " WHERE strftime(invoice_date, "
            + "'%Y-%m-%d') <> regexp_extract(filename, '(\\d{4}-\\d{2}-\\d{2})\\.csv\\.gz$', 1)").get(0).get(0))
            .longValue();
        instance = new ExpectedAnswers(duck.dayStats(csv), elsewhere);
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB could not read the CSV files under " + BY_DAY, e);
      }
    }
    return instance;
  }

  private static String fileList() {
    try (Stream<Path> files = Files.list(BY_DAY)) {
      List<String> names = files.filter(f -> f.getFileName().toString().endsWith(".csv.gz"))
          .map(f -> Duck.quote(f.toString())).sorted().toList();
      return "[" + String.join(", ", names) + "]";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every day with a file, in order. */
  public List<LocalDate> allDays() {
    return List.copyOf(days.keySet());
  }

  /** The answer for one day; throws when the day has no file. */
  public DayStats day(LocalDate day) {
    DayStats s = days.get(day);
    if (s == null) {
      throw new IllegalArgumentException("No Online Retail file for " + day);
    }
    return s;
  }

  /** The answers for these days. */
  public SortedMap<LocalDate, DayStats> days(Collection<LocalDate> which) {
    SortedMap<LocalDate, DayStats> out = new TreeMap<>();
    which.forEach(d -> out.put(d, day(d)));
    return out;
  }

  /** All answers by day. */
  public Map<LocalDate, DayStats> byDay() {
    return days;
  }

  /** Lines whose invoice date is not the day of the file they are in (0: each file holds exactly its day). */
  public long linesOnAnotherDay() {
    return linesOnAnotherDay;
  }

  /** Totals over some days: rows, quantity and revenue. */
  public static DayStats total(Collection<DayStats> days) {
    long rows = 0;
    long quantity = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    for (DayStats d : days) {
      rows += d.rows();
      quantity += d.quantity();
      revenue = revenue.add(d.revenue());
    }
    return new DayStats(rows, quantity, revenue, "-total--");
  }
}
