package dev.lake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Lines of the bundled Online Retail files (first quarter of 2011), read with plain Java: the fields are taken from
 * the end of the line, so a description holding commas does not matter. What the aggregate tests feed a pipeline
 * and total by hand.
 */
final class RetailLines {
  static final Path BY_DAY = Path.of(System.getProperty("lake.data", "../data"), "online_retail", "by-day")
      .toAbsolutePath().normalize();
  private static List<Line> quarter;

  /** One invoice line: the customer's country, the invoice's month (yyyy-MM), the quantity and the unit price. */
  record Line(String invoice, String country, String month, int quantity, BigDecimal price) {
    BigDecimal amount() {
      return price.multiply(BigDecimal.valueOf(quantity));
    }
  }

  private RetailLines() {}

  /** Every line of January to March 2011, in file order (cached: read once per JVM). */
  static synchronized List<Line> firstQuarter2011() {
    if (quarter == null) {
      List<Line> lines = new ArrayList<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(BY_DAY, "2011-0[123]-*.csv.gz")) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        for (Path f : sorted) {
          read(f, lines);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      quarter = List.copyOf(lines);
    }
    return quarter;
  }

  private static void read(Path file, List<Line> into) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      r.readLine(); // header: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        String[] v = s.split(",", -1);
        int n = v.length;
        into.add(new Line(v[0], v[n - 1], v[n - 4].substring(0, 7), Integer.parseInt(v[n - 5]),
            new BigDecimal(v[n - 3])));
      }
    }
  }
}
