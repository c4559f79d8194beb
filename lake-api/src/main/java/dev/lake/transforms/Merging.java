package dev.lake.transforms;

import java.io.Serializable;

/**
 * How a step's per-worker state is merged across workers before it emits: the part of a {@link MergingStep} the
 * runner calls once every worker's input has ended. In the spirit of Beam's {@code CombineFn}, Flink's
 * {@code AggregateFunction} and Spark's typed {@code Aggregator} (create / add / merge / result), in Lake's shape: the
 * step's {@link Step#forWorker()} creates the empty state, its {@link Step#apply} adds a row, {@link #partial()}
 * hands the state over, {@link #merge} merges two workers' partials and {@link #results} emits the rows that go on.
 *
 * <pre>{@code
 * // the largest order of all: each worker keeps its own largest, the runner merges them
 * final class Largest implements MergingStep<BigDecimal, BigDecimal, BigDecimal> {
 *   private BigDecimal largest = BigDecimal.ZERO;
 *   public String name() { return "largest"; }
 *   public void apply(BigDecimal amount, Consumer<? super BigDecimal> out) { largest = largest.max(amount); }
 *   public Largest forWorker() { return new Largest(); }
 *   public BigDecimal partial() { return largest; }
 *   public BigDecimal merge(BigDecimal a, BigDecimal b) { return a.max(b); }
 *   public void results(BigDecimal merged, Results<? super BigDecimal> out) { out.emit(merged, "largest"); }
 * }
 * }</pre>
 *
 * @param <P> the partial state one worker hands over: {@link Serializable} (a Spark task sends it to the driver)
 * @param <O> the rows the results are
 */
public interface Merging<P, O> extends Serializable {

  /**
   * This worker's state at the end of its input (called on each worker's instance instead of {@link Step#finish}),
   * never null: return the empty state of a worker that saw no row. It must be {@link Serializable}; the runner may
   * change it in {@link #merge} once the worker is done.
   */
  P partial();

  /**
   * Merges two partials (of two workers, or of one and what was merged before); returns the merged one (either
   * argument may be reused). Called in the workers' order on one fresh instance: on Spark, on the driver, with the
   * partials of each partition's successful attempt only. An exception fails the run: nothing is committed.
   */
  P merge(P left, P right);

  /**
   * Emits the rows of the merged partial (of every worker's rows), in a repeatable order. They flow through the later
   * steps into the sinks. An exception fails the run: nothing is committed.
   */
  void results(P merged, Results<? super O> out) throws Exception;

  /** Where {@link #results} go. */
  @FunctionalInterface
  interface Results<O> {

    /**
     * Emits {@code row}; {@code what} says what it stands for (e.g. {@code "group France"}), the position of the bad
     * row when a later step or a sink rejects it ("group France of totals").
     */
    void emit(O row, String what);
  }
}
