package dev.lake.internal.transforms;

import dev.lake.Pipeline.SerializableBiFunction;
import dev.lake.exceptions.LakeException;
import dev.lake.transforms.Aggregator;
import dev.lake.transforms.SerializableFunction;
import dev.lake.transforms.Step;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The step behind {@code Pipeline.aggregate}: each worker's instance ({@link #forWorker()}) folds its rows into one
 * accumulator per key, held in memory (a few hundred bytes a key: millions of keys, not billions). The runner knows
 * this class: it takes each worker's {@link #partials()} at the end of its input, merges them ({@link #mergeInto})
 * once every worker is done, and pushes the {@link #results} through the rest of the pipeline with one more writer.
 * {@link #finish} emits this instance's own results, which is right when one instance saw every row (a second
 * aggregate, after the first one's merge).
 *
 * <pre>{@code
 * Step<Sale, Total> step = new AggregateStep<>("totals", Sale::country, Aggregator.sumLong(Sale::quantity),
 *     Total::new);
 * }</pre>
 *
 * @param <T> the rows aggregated
 * @param <K> the key
 * @param <A> the accumulator
 * @param <V> the aggregator's result
 * @param <R> the rows out
 */
public final class AggregateStep<T, K, A, V, R> implements Step<T, R> {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final SerializableFunction<? super T, ? extends K> key;
  private final Aggregator<? super T, A, ? extends V> aggregator;
  private final SerializableBiFunction<? super K, ? super V, ? extends R> result;
  private transient Map<K, A> groups;

  public AggregateStep(String name, SerializableFunction<? super T, ? extends K> key,
      Aggregator<? super T, A, ? extends V> aggregator,
      SerializableBiFunction<? super K, ? super V, ? extends R> result) {
    this.name = name;
    this.key = key;
    this.aggregator = aggregator;
    this.result = result;
  }

  @Override
  public String name() {
    return name;
  }

  public Aggregator<? super T, A, ? extends V> aggregator() {
    return aggregator;
  }

  @Override
  public Step<T, R> forWorker() {
    return new AggregateStep<>(name, key, aggregator, result);
  }

  /** Adds the row to its key's accumulator. A key or add that throws rejects the row; the accumulator is kept. */
  @Override
  public void apply(T row, Consumer<? super R> out) {
    K k = key.apply(row);
    Map<K, A> own = groups();
    A acc = own.containsKey(k) ? own.get(k) : aggregator.create();
    own.put(k, aggregator.add(acc, row));
  }

  /** Emits the result of each of this instance's groups, in key order. */
  @Override
  public void finish(Consumer<? super R> out) {
    results(groups(), (k, r) -> out.accept(r));
  }

  /** This worker's accumulators by key (serializable: a Spark task returns them to the driver). */
  public HashMap<Object, Object> partials() {
    return new HashMap<>(groups());
  }

  private Map<K, A> groups() {
    if (groups == null) {
      groups = new HashMap<>();
    }
    return groups;
  }

  /**
   * Merges one worker's partial accumulators into {@code merged}. A merge that throws fails the run: the rows behind
   * an accumulator cannot be named.
   */
  @SuppressWarnings("unchecked")
  public void mergeInto(Map<Object, Object> merged, Map<Object, Object> partial) {
    for (Map.Entry<Object, Object> e : partial.entrySet()) {
      if (!merged.containsKey(e.getKey())) {
        merged.put(e.getKey(), e.getValue());
        continue;
      }
      try {
        merged.put(e.getKey(), aggregator.merge((A) merged.get(e.getKey()), (A) e.getValue()));
      } catch (RuntimeException x) {
        throw new LakeException("Aggregate step '" + name + "' failed to merge the partial totals of key "
            + e.getKey() + ": " + x + ". Nothing is committed (the rows behind a total cannot be set aside as bad "
            + "rows); fix the aggregator's merge and run again", x);
      }
    }
  }

  /**
   * Computes the result of every group, in key order (natural order when the keys are comparable, else by their
   * text), and hands each to {@code out} with its key. A result function that throws fails the run.
   */
  @SuppressWarnings("unchecked")
  public void results(Map<?, ?> merged, java.util.function.BiConsumer<Object, ? super R> out) {
    List<Object> keys = new ArrayList<>(merged.keySet());
    sort(keys);
    for (Object k : keys) {
      R row;
      try {
        row = result.apply((K) k, aggregator.result((A) merged.get(k)));
      } catch (RuntimeException x) {
        throw new LakeException("Aggregate step '" + name + "' failed to produce the result of key " + k + ": " + x
            + ". Nothing is committed (the rows behind a total cannot be set aside as bad rows); fix the result "
            + "function and run again", x);
      }
      out.accept(k, row);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void sort(List<Object> keys) {
    try {
      keys.sort(Comparator.nullsFirst((Comparator) Comparator.naturalOrder()));
    } catch (ClassCastException notComparable) {
      keys.sort(Comparator.comparing(String::valueOf));
    }
  }

  /** True when {@code accumulator} can travel to the driver (null, or serializable). */
  public static boolean serializable(Object accumulator) {
    return accumulator == null || accumulator instanceof Serializable;
  }

  @Override
  public String toString() {
    return name + " (aggregate)";
  }
}
