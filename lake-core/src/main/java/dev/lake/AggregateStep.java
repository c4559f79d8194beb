package dev.lake;

import dev.lake.Pipeline.SerializableBiFunction;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.transforms.Aggregator;
import dev.lake.transforms.MergingStep;
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
 * accumulator per key, held in memory (a few hundred bytes a key: millions of keys, not billions). A
 * {@link MergingStep} like any user's: the runner takes each worker's accumulators by key ({@link #partial()}) at the
 * end of its input, merges them ({@link #merge}) once every worker is done, and pushes the {@link #results}, in key
 * order, through the rest of the pipeline with one more writer.
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
final class AggregateStep<T, K, A, V, R> implements MergingStep<T, HashMap<Object, Object>, R> {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final SerializableFunction<? super T, ? extends K> key;
  private final Aggregator<? super T, A, ? extends V> aggregator;
  private final SerializableBiFunction<? super K, ? super V, ? extends R> result;
  private transient HashMap<Object, Object> groups;

  AggregateStep(String name, SerializableFunction<? super T, ? extends K> key,
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

  @Override
  public Step<T, R> forWorker() {
    return new AggregateStep<>(name, key, aggregator, result);
  }

  /** Adds the row to its key's accumulator. A key or add that throws rejects the row; the accumulator is kept. */
  @Override
  @SuppressWarnings("unchecked")
  public void apply(T row, Consumer<? super R> out) {
    K k = key.apply(row);
    Map<Object, Object> own = partial();
    A acc = own.containsKey(k) ? (A) own.get(k) : aggregator.create();
    own.put(k, aggregator.add(acc, row));
  }

  /** This worker's accumulators by key (serializable: a Spark task returns them to the driver). */
  @Override
  public HashMap<Object, Object> partial() {
    if (groups == null) {
      groups = new HashMap<>();
    }
    return groups;
  }

  /**
   * Merges the accumulators of {@code right} into {@code left}, key by key. A merge that throws fails the run: the
   * rows behind an accumulator cannot be named.
   */
  @Override
  @SuppressWarnings("unchecked")
  public HashMap<Object, Object> merge(HashMap<Object, Object> left, HashMap<Object, Object> right) {
    for (Map.Entry<Object, Object> e : right.entrySet()) {
      if (!left.containsKey(e.getKey())) {
        left.put(e.getKey(), e.getValue());
        continue;
      }
      try {
        left.put(e.getKey(), aggregator.merge((A) left.get(e.getKey()), (A) e.getValue()));
      } catch (RuntimeException x) {
        throw new LakeException("Aggregate step '" + name + "' failed to merge the partial totals of key "
            + e.getKey() + ": " + x + ". Nothing is committed (the rows behind a total cannot be set aside as bad "
            + "rows); fix the aggregator's merge and run again", x);
      }
    }
    return left;
  }

  /**
   * Emits the result of every group, in key order (natural order when the keys are comparable, else by their text),
   * each as "group KEY". A result function that throws fails the run.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void results(HashMap<Object, Object> merged, Results<? super R> out) {
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
      out.emit(row, "group " + k);
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

  /** Refuses an aggregator whose accumulators cannot travel from a Spark task to the driver. */
  @Override
  public void validate() {
    Object empty = aggregator.create();
    ValidationException.check(empty == null || empty instanceof Serializable, "Aggregate step '%s': its "
        + "accumulator %s is not Serializable; accumulators travel from Spark tasks to the driver, make its class "
        + "implement java.io.Serializable", name, empty == null ? null : empty.getClass().getName());
  }

  @Override
  public String toString() {
    return name + " (aggregate)";
  }
}
