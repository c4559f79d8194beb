package dev.lake;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Record types and sample rows shared by the schema and row tests. */
public final class SchemaFixtures {
  private SchemaFixtures() {}

  public enum Status { PAID, REFUNDED }

  public record Team(String name, int rank) {}

  public record Teams(Team home, Team away) {}

  public record Fixture(String id, Teams teams, List<Team> bench) {}

  /** Every supported type once. */
  public record Everything(
      int i, long l, double d, float f, boolean b, short s, byte by,
      Integer boxedInt, Long boxedLong, Double boxedDouble, Boolean boxedBool, String text,
      Status status, Team team, List<String> tags, Set<Long> ids, Map<String, Integer> counts,
      byte[] raw, ByteBuffer buffer, Instant at, LocalDate day, LocalDateTime local, LocalTime time,
      BigDecimal plain, @Decimal(precision = 10, scale = 2) BigDecimal price, UUID uuid) {}

  /** A flat sale with a renamed, documented column and a partition column ({@code country}). */
  public record Sale(
      @Column(value = "invoice_no", doc = "The invoice number") String invoiceNo,
      int quantity,
      Instant at,
      LocalDate day,
      @Decimal(precision = 10, scale = 2) BigDecimal price,
      Status status,
      Team customer,
      List<String> tags,
      Map<String, Long> extras,
      String country) {}

  public static Sale sale(String invoice) {
    return new Sale(invoice, 6, Instant.parse("2011-12-01T08:26:00.123456Z"), LocalDate.of(2011, 12, 1),
        new BigDecimal("2.55"), Status.PAID, new Team("ACME", 1), List.of("a", "b"), Map.of("k", 7L), "UK");
  }

  public static Sale bareSale(String invoice) {
    return new Sale(invoice, 1, null, null, null, null, null, List.of(), Map.of(), null);
  }
}
