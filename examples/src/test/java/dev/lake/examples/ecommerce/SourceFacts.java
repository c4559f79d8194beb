package dev.lake.examples.ecommerce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Facts about the Online Retail CSV files, computed here with a few lines of plain Java (not with Lake's CSV
 * source), to check the lake's output against.
 */
final class SourceFacts {
  long rows;
  long quantity;
  BigDecimal unitPrice = BigDecimal.ZERO;
  long nullCustomers;
  final Set<String> invoices = new HashSet<>();
  final TreeMap<String, Long> rowsPerMonth = new TreeMap<>();

  static SourceFacts of(Path byDay) throws IOException {
    SourceFacts f = new SourceFacts();
    List<Path> files;
    try (Stream<Path> s = Files.list(byDay)) {
      files = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
    }
    for (Path file : files) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        in.readLine(); // header
        String line;
        while ((line = in.readLine()) != null) {
          List<String> v = split(line);
          f.rows++;
          f.invoices.add(v.get(0));
          f.quantity += Long.parseLong(v.get(3));
          f.unitPrice = f.unitPrice.add(new BigDecimal(v.get(5)));
          if (v.get(6).isEmpty()) {
            f.nullCustomers++;
          }
          String date = v.get(4); // 2010-12-01 08:26:00
          String key = Integer.parseInt(date.substring(0, 4)) + "-" + Integer.parseInt(date.substring(5, 7));
          f.rowsPerMonth.merge(key, 1L, Long::sum);
        }
      }
    }
    return f;
  }

  /** Splits one CSV line with double-quoted fields (no field in this data spans lines). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
