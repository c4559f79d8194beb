package dev.lake.transforms;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * How to fold the rows of one group into a result, in the spirit of Beam's {@code CombineFn} and Spark's typed
 * {@code Aggregator}: {@link #create} an empty accumulator, {@link #add} a row to it, {@link #merge} two accumulators
 * (the partial totals of two workers), and produce the {@link #result}. Used by
 * {@code Pipeline.aggregate}, whose result function also sees the group's key.
 *
 * <pre>{@code
 * // given: Pipeline<Sale> sales
 * // quantity per country: a ready-made sum
 * Pipeline<String> byCountry = sales.aggregate("quantity-by-country", Sale::country,
 *     Aggregator.sumLong(Sale::quantity), (country, quantity) -> country + ": " + quantity);
 *
 * // several totals at once: an accumulator of your own (mutable: add and merge may return their first argument)
 * final class Totals implements Serializable { long played; long points; BigDecimal xg = BigDecimal.ZERO; }
 * Aggregator<TeamMatch, Totals, Totals> totals = Aggregator.of(Totals::new,
 *     (t, m) -> { t.played++; t.points += m.points(); t.xg = t.xg.add(BigDecimal.valueOf(m.xg())); return t; },
 *     (a, b) -> { a.played += b.played; a.points += b.points; a.xg = a.xg.add(b.xg); return a; });
 * }</pre>
 *
 * <p>Accumulators travel between Spark tasks and the driver: they (and the keys) must be {@link Serializable}
 * ({@code Pipeline.validate()} checks a fresh accumulator). {@link #add} should throw before it changes the
 * accumulator: a row it throws on becomes a bad row of the aggregate step, and must not be half counted. Sums of
 * doubles depend on the order workers merge in (last bits); for exact, repeatable totals sum {@link BigDecimal}s
 * ({@link #sumDecimal}) or longs.
 *
 * @param <T> the rows added
 * @param <A> the accumulator
 * @param <R> the result
 */
public interface Aggregator<T, A, R> extends Serializable {

  /** A new, empty accumulator (the totals of no rows). */
  A create();

  /** Adds one row; returns the accumulator (the same one, changed, or a new one). */
  A add(A accumulator, T row);

  /** Merges two accumulators of the same group; returns the merged one (either argument may be reused). */
  A merge(A left, A right);

  /** The result of an accumulator. */
  R result(A accumulator);

  /** This aggregator with its result turned by {@code fn} (e.g. rounded). */
  default <V> Aggregator<T, A, V> andThen(SerializableFunction<? super R, ? extends V> fn) {
    Objects.requireNonNull(fn, "fn");
    Aggregator<T, A, R> self = this;
    return of(self::create, self::add, self::merge, a -> fn.apply(self.result(a)));
  }

  /** An aggregator whose accumulator is its result. */
  static <T, A> Aggregator<T, A, A> of(SerializableSupplier<A> create, Add<A, T> add, Merge<A> merge) {
    return of(create, add, merge, a -> a);
  }

  /** An aggregator from its four functions. */
  static <T, A, R> Aggregator<T, A, R> of(SerializableSupplier<A> create, Add<A, T> add, Merge<A> merge,
      SerializableFunction<? super A, ? extends R> result) {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(merge, "merge");
    Objects.requireNonNull(result, "result");
    return new Aggregator<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public A create() {
        return create.get();
      }

      @Override
      public A add(A accumulator, T row) {
        return add.apply(accumulator, row);
      }

      @Override
      public A merge(A left, A right) {
        return merge.apply(left, right);
      }

      @Override
      public R result(A accumulator) {
        return result.apply(accumulator);
      }
    };
  }

  /** The number of rows. */
  static <T> Aggregator<T, Long, Long> count() {
    return of(() -> 0L, (n, row) -> n + 1, Long::sum);
  }

  /** The sum of a long field (exact; overflow throws {@link ArithmeticException}). */
  static <T> Aggregator<T, Long, Long> sumLong(SerializableToLongFunction<? super T> field) {
    Objects.requireNonNull(field, "field");
    return of(() -> 0L, (sum, row) -> Math.addExact(sum, field.applyAsLong(row)), Math::addExact);
  }

  /** The sum of a decimal field, exact (a null value throws: the row is a bad row of the aggregate step). */
  static <T> Aggregator<T, BigDecimal, BigDecimal> sumDecimal(SerializableFunction<? super T, BigDecimal> field) {
    Objects.requireNonNull(field, "field");
    return of(() -> BigDecimal.ZERO, (sum, row) -> sum.add(Objects.requireNonNull(field.apply(row),
        "the summed value is null")), BigDecimal::add);
  }

  /** The smallest value of a field (null rows are skipped; null when the group has no value). */
  static <T, V extends Comparable<? super V>> Aggregator<T, V, V> min(SerializableFunction<? super T, V> field) {
    Objects.requireNonNull(field, "field");
    return of(() -> null, (m, row) -> smaller(m, field.apply(row)), Aggregator::smaller);
  }

  /** The largest value of a field (null rows are skipped; null when the group has no value). */
  static <T, V extends Comparable<? super V>> Aggregator<T, V, V> max(SerializableFunction<? super T, V> field) {
    Objects.requireNonNull(field, "field");
    return of(() -> null, (m, row) -> larger(m, field.apply(row)), Aggregator::larger);
  }

  private static <V extends Comparable<? super V>> V smaller(V a, V b) {
    return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static <V extends Comparable<? super V>> V larger(V a, V b) {
    return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
  }

  /** A serializable supplier of accumulators. */
  @FunctionalInterface
  interface SerializableSupplier<A> extends java.util.function.Supplier<A>, Serializable {}

  /** Adds a row to an accumulator. */
  @FunctionalInterface
  interface Add<A, T> extends Serializable {
    A apply(A accumulator, T row);
  }

  /** Merges two accumulators. */
  @FunctionalInterface
  interface Merge<A> extends Serializable {
    A apply(A left, A right);
  }

  /** A serializable {@link ToLongFunction}. */
  @FunctionalInterface
  interface SerializableToLongFunction<T> extends ToLongFunction<T>, Serializable {}
}
