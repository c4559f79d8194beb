package dev.lake.examples.ecommerce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The BI answers computed in plain Java straight from the Online Retail CSV files (no Lake, no SQL), with the
 * rules {@link RetailAnswers} documents: sales and cancellations count (net), other lines are left out.
 */
final class RetailFacts {
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  record Line(String invoice, String stock, String description, long quantity, LocalDateTime at, BigDecimal amount,
      Long customer, String country, String kind) {}

  /** Totals of one bucket: days with trade, sale invoices, net amount. */
  static final class Bucket {
    final Set<Object> days = new HashSet<>();
    final Set<String> invoices = new HashSet<>();
    final Set<Long> customers = new HashSet<>();
    BigDecimal net = BigDecimal.ZERO;
    long units;
    long lines;
    String description;
    String country;
    LocalDateTime first;
    Long firstCustomer;

    void add(Line l) {
      days.add(l.at.toLocalDate());
      if (l.kind.equals("sale")) {
        invoices.add(l.invoice);
      }
      if (l.customer != null) {
        customers.add(l.customer);
      }
      net = net.add(l.amount);
      units += l.quantity;
      lines++;
      if (l.description != null && !l.description.isEmpty()
          && (description == null || l.description.compareTo(description) > 0)) {
        description = l.description;
      }
      country = country == null || l.country.compareTo(country) < 0 ? l.country : country;
      first = first == null || l.at.isBefore(first) ? l.at : first;
      if (l.customer != null && (firstCustomer == null || l.customer < firstCustomer)) {
        firstCustomer = l.customer;
      }
    }
  }

  final List<Line> lines = new ArrayList<>();

  static RetailFacts of(Path byDay) throws IOException {
    RetailFacts f = new RetailFacts();
    // a million lines repeat a few thousand codes, names and minutes: share them to keep the heap small
    Map<Object, Object> shared = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(byDay)) {
      files = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
    }
    for (Path file : files) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        in.readLine();
        String text;
        while ((text = in.readLine()) != null) {
          List<String> v = SourceFacts.split(text);
          long qty = Long.parseLong(v.get(3));
          BigDecimal price = new BigDecimal(v.get(5));
          String inv = v.get(0);
          String kind = inv.startsWith("C") ? "cancellation"
              : Character.isDigit(inv.charAt(0)) && qty > 0 && price.signum() > 0 ? "sale" : "other";
          Long customer = v.get(6).isEmpty() ? null : (long) Double.parseDouble(v.get(6));
          f.lines.add(new Line(share(shared, inv), share(shared, v.get(1)), share(shared, v.get(2)), qty,
              share(shared, LocalDateTime.parse(v.get(4), TS)), price.multiply(BigDecimal.valueOf(qty)),
              share(shared, customer), share(shared, v.get(7)), kind));
        }
      }
    }
    return f;
  }

  @SuppressWarnings("unchecked")
  private static <T> T share(Map<Object, Object> shared, T value) {
    return value == null ? null : (T) shared.computeIfAbsent(value, k -> k);
  }

  Stream<Line> trade() {
    return lines.stream().filter(l -> !l.kind.equals("other"));
  }

  <K> Map<K, Bucket> by(Stream<Line> lines, Function<Line, K> key) {
    Map<K, Bucket> out = new HashMap<>();
    lines.forEach(l -> out.computeIfAbsent(key.apply(l), k -> new Bucket()).add(l));
    return out;
  }

  /** kind, lines, amount; sorted by kind. */
  List<List<Object>> lineKinds() {
    List<List<Object>> rows = new ArrayList<>();
    new TreeMap<>(by(lines.stream(), Line::kind)).forEach((k, b) -> rows.add(List.of(k, b.lines, b.net)));
    return rows;
  }

  /** grain, periods, average (2 decimals). */
  List<List<Object>> averages() {
    BigDecimal net = trade().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Function<Line, Object>> grains = List.of(l -> l.at.truncatedTo(ChronoUnit.HOURS), l -> l.at.toLocalDate(),
        l -> l.at.getYear() * 100 + l.at.getMonthValue(), l -> l.at.getYear());
    String[] names = {"hour", "day", "month", "year"};
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      long periods = trade().map(grains.get(i)).distinct().count();
      rows.add(List.of(names[i], periods, net.divide(BigDecimal.valueOf(periods), 2, RoundingMode.HALF_UP)));
    }
    return rows;
  }

  /** bucket, days, invoices, net; sorted by bucket. */
  List<List<Object>> perDay(Function<Line, Integer> bucket) {
    List<List<Object>> rows = new ArrayList<>();
    new TreeMap<>(by(trade(), bucket)).forEach((k, b) -> rows.add(List.of(k, (long) b.days.size(),
        (long) b.invoices.size(), b.net)));
    return rows;
  }

  /** stock_code, description, units, net; top 10 by units, then stock code. */
  List<List<Object>> topProducts() {
    return by(trade(), Line::stock).entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Bucket> e) -> -e.getValue().units)
            .thenComparing(Map.Entry::getKey))
        .limit(10)
        .map(e -> List.<Object>of(e.getKey(), e.getValue().description, e.getValue().units, e.getValue().net))
        .toList();
  }

  /** invoice_no, first date, smallest customer id, country, lines, total; top 10 sale invoices by total. */
  List<List<Object>> topInvoices() {
    return by(lines.stream().filter(l -> l.kind.equals("sale")), Line::invoice).entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Bucket> e) -> e.getValue().net).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(10)
        .map(e -> List.<Object>of(e.getKey(), e.getValue().first, String.valueOf(e.getValue().firstCustomer),
            e.getValue().country, e.getValue().lines, e.getValue().net))
        .toList();
  }

  /** customer_id, country, sale invoices, net; top 10 by net. */
  List<List<Object>> topCustomers() {
    return by(trade().filter(l -> l.customer != null), Line::customer).entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<Long, Bucket> e) -> e.getValue().net).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(10)
        .map(e -> List.<Object>of(e.getKey(), e.getValue().country, (long) e.getValue().invoices.size(),
            e.getValue().net))
        .toList();
  }

  /** [customers with a sale, those with two or more sale invoices]. */
  List<Object> repeatCustomers() {
    Map<Long, Bucket> c = by(lines.stream().filter(l -> l.kind.equals("sale") && l.customer != null),
        Line::customer);
    return List.of((long) c.size(), c.values().stream().filter(b -> b.invoices.size() > 1).count());
  }

  /** country, customers, sale invoices, net; by net, highest first. */
  List<List<Object>> byCountry() {
    return by(trade(), Line::country).entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Bucket> e) -> e.getValue().net).reversed()
            .thenComparing(Map.Entry::getKey))
        .map(e -> List.<Object>of(e.getKey(), (long) e.getValue().customers.size(),
            (long) e.getValue().invoices.size(), e.getValue().net))
        .toList();
  }

  BigDecimal guestSales() {
    return trade().filter(l -> l.customer == null).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
