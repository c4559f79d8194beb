package dev.lake.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ready-made aggregators: split input folded in parts and merged gives what one pass gives. */
class AggregatorTest {
  record Sale(String country, long quantity, BigDecimal price) {}

  static final List<Sale> SALES = IntStream.range(0, 1_000)
      .mapToObj(i -> new Sale(i % 3 == 0 ? "FR" : "UK", i % 17 - 5, new BigDecimal(i % 13 + "." + i % 100)))
      .toList();

  /** Folds rows [0, cut) and [cut, n) apart, merges them, and returns the result. */
  static <T, A, R> R inTwoParts(Aggregator<T, A, R> agg, List<T> rows, int cut) {
    A left = agg.create();
    for (T r : rows.subList(0, cut)) {
      left = agg.add(left, r);
    }
    A right = agg.create();
    for (T r : rows.subList(cut, rows.size())) {
      right = agg.add(right, r);
    }
    return agg.result(agg.merge(left, right));
  }

  @Test
  void count_andSums_mergedParts_equalOnePass() {
    long quantity = SALES.stream().mapToLong(Sale::quantity).sum();
    BigDecimal prices = SALES.stream().map(Sale::price).reduce(BigDecimal.ZERO, BigDecimal::add);

    for (int cut : new int[] {0, 1, 377, 1_000}) {
      assertThat(inTwoParts(Aggregator.<Sale>count(), SALES, cut)).isEqualTo(1_000L);
      assertThat(inTwoParts(Aggregator.sumLong(Sale::quantity), SALES, cut)).isEqualTo(quantity);
      assertThat(inTwoParts(Aggregator.sumDecimal(Sale::price), SALES, cut)).isEqualTo(prices);
    }
  }

  @Test
  void minAndMax_skipNulls_andAreNullForNoValue() {
    List<Sale> withNull = List.of(new Sale("FR", 3, null), new Sale("UK", -2, new BigDecimal("9.5")),
        new Sale("UK", 7, new BigDecimal("0.1")));

    assertThat(inTwoParts(Aggregator.min(Sale::price), withNull, 1)).isEqualTo(new BigDecimal("0.1"));
    assertThat(inTwoParts(Aggregator.max(Sale::price), withNull, 2)).isEqualTo(new BigDecimal("9.5"));
    assertThat(inTwoParts(Aggregator.max(Sale::country), withNull, 0)).isEqualTo("UK");
    assertThat(inTwoParts(Aggregator.min(Sale::price), withNull.subList(0, 1), 1)).isNull();
  }

  @Test
  void andThen_turnsTheResult() {
    Aggregator<Sale, Long, String> text = Aggregator.<Sale>count().andThen(n -> n + " sales");

    assertThat(inTwoParts(text, SALES, 500)).isEqualTo("1000 sales");
  }

  @Test
  void sumLong_overflow_throws() {
    Aggregator<Sale, Long, Long> sum = Aggregator.sumLong(Sale::quantity);

    assertThatThrownBy(() -> sum.add(Long.MAX_VALUE, new Sale("UK", 1, BigDecimal.ONE)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> sum.merge(Long.MAX_VALUE, 1L)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void sumDecimal_nullValue_throwsNamingIt() {
    assertThatThrownBy(() -> Aggregator.sumDecimal(Sale::price).add(BigDecimal.ZERO, new Sale("UK", 1, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("the summed value is null");
  }

  @Test
  void aggregators_surviveJavaSerialization() throws Exception {
    Aggregator<Sale, BigDecimal, String> agg = Aggregator.sumDecimal(Sale::price).andThen(BigDecimal::toPlainString);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(agg);
    }
    @SuppressWarnings("unchecked")
    Aggregator<Sale, BigDecimal, String> copy = (Aggregator<Sale, BigDecimal, String>) new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray())).readObject();

    assertThat(inTwoParts(copy, SALES, 123)).isEqualTo(inTwoParts(agg, SALES, 800));
  }
}
