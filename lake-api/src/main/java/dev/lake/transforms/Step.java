package dev.lake.transforms;

import java.io.Serializable;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One named transform of a pipeline: takes a row and emits zero or more rows. {@code map}, {@code filter},
 * {@code flatMap}, {@code buffer} and the column transforms are all steps; write your own for anything else.
 *
 * <pre>{@code
 * Step<String, String> words = Step.of("split-words", (line, out) -> {
 *   for (String w : line.split(" ")) out.accept(w);
 * });
 * pipeline.apply(words);
 * }</pre>
 *
 * <p>A step that holds rows back (a buffer, a running total) keeps them per worker: it returns a fresh instance from
 * {@link #forWorker()} and emits what it still holds in {@link #finish}, which each worker calls once when its input
 * ends. What {@code finish} emits flows through the later steps (and their {@code finish}, in order) into the sinks:
 *
 * <pre>{@code
 * final class CountRows implements Step<Sale, Long> {
 *   private long count;
 *   public String name() { return "count"; }
 *   public void apply(Sale row, Consumer<? super Long> out) { count++; }
 *   public void finish(Consumer<? super Long> out) { out.accept(count); }   // one count per worker
 *   public Step<Sale, Long> forWorker() { return new CountRows(); }
 *   public Output output() { return Output.GROUPS; }   // rows folded into a count, not filtered
 * }
 * }</pre>
 *
 * <p>The runner knows a step only through this interface, Lake's own buffer and aggregate steps included: a step
 * declares what it needs beyond {@link #apply}, {@link #finish} and {@link #forWorker} with {@link #output()} (how
 * the run report counts its rows: one by one, in batches, or folded into groups), {@link #merging()} (its
 * per-worker state is merged across workers before it emits: see {@link MergingStep}) and {@link #validate()} (checks
 * before any I/O).
 *
 * @param <I> rows in
 * @param <O> rows out
 */
public interface Step<I, O> extends Serializable {

  /** What a step's outputs are, for the counts of the run report ({@code PipelineResult.steps()}). */
  enum Output {
    /** Rows: the rows it took and did not emit (nor reject) are counted as filtered. The default. */
    ROWS,
    /**
     * Batches: each output is a {@link java.util.Collection} of the rows it took ({@code Pipeline.buffer}); the
     * report's {@code batched} counts the rows inside them, so they are not counted as filtered.
     */
    BATCHES,
    /**
     * Groups: every row it takes without rejecting it is folded into one of its outputs ({@code Pipeline.aggregate},
     * a distinct count); {@code batched} counts those rows and {@code out} the groups.
     */
    GROUPS
  }

  /** The step's name, used in errors, bad rows and the run report. */
  String name();

  /**
   * Applies the step to one row. An exception thrown here rejects the row (with this step's name and the
   * exception's message) under the pipeline's bad-row policy; it does not stop other rows.
   */
  void apply(I row, Consumer<? super O> out) throws Exception;

  /**
   * Emits what the step still holds once the worker's input has ended: normally, at the pipeline's deadline
   * ({@code Pipeline.withDeadline}), or when a bounded source stopped (a Lambda budget ran out). Called once
   * per worker (per Spark task), after its last {@link #apply} and before its sink writers commit; not called when the
   * run is failing already. The default emits nothing.
   *
   * <p>An exception thrown here fails the run, whatever the bad-row policy: the rows a step still holds cannot be set
   * aside one by one, so nothing is committed and no cursor moves (the next run reads them again). Rows a later step
   * or a sink rejects are bad rows of that step or sink, as in {@code apply}.
   */
  default void finish(Consumer<? super O> out) throws Exception {}

  /**
   * The instance one worker uses. A step that keeps rows between {@link #apply} calls for its own worker (a buffer)
   * returns a fresh copy, so that workers never share them; the default, for steps that are functions of their row
   * or share state on purpose ({@link #stateful()}), returns this step.
   */
  default Step<I, O> forWorker() {
    return this;
  }

  /**
   * What this step's outputs are, for the run report: {@link Output#ROWS} (the default), {@link Output#BATCHES} or
   * {@link Output#GROUPS}. A step that batches or groups rows without saying so has them reported as filtered
   * instead of {@code rowsGrouped}. Must answer the same on every instance.
   */
  default Output output() {
    return Output.ROWS;
  }

  /**
   * How this step's per-worker state is merged across workers before it emits, for a step whose results need every
   * worker's rows (an aggregate, a distinct count, a top N: see {@link MergingStep}); empty (the default) for a step
   * each worker finishes on its own. Must answer the same on every instance (the pipeline's and each worker's).
   */
  default Optional<Merging<?, O>> merging() {
    return Optional.empty();
  }

  /**
   * Checks the step's configuration before any I/O: {@code Pipeline.validate()} calls it, as does every
   * run. Throw a {@link dev.lake.exceptions.ValidationException} naming the step and the fix; the default checks
   * nothing.
   */
  default void validate() {}

  /** True when the step keeps state across rows that must be shared by all workers (deduplication). */
  default boolean stateful() {
    return false;
  }

  /**
   * The AWS permissions this step needs (a step calling a service, such as a Comprehend sentiment scorer). The
   * default is none: steps are functions of their rows; declare what a calling step needs with {@link #needing}.
   */
  default dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }

  /**
   * This step, declaring what it needs from AWS so that {@code Pipeline.requiredPermissions()} includes it.
   *
   * <pre>{@code
   * ComprehendScorer scorer = ComprehendScorer.create(comprehend);
   * pipeline.apply(Step.<Tweet, Scored>of("score", (t, out) -> out.accept(Scored.of(t, scorer.score(t.text()))))
   *     .needing(scorer::permissions));
   * }</pre>
   */
  default Step<I, O> needing(SerializableFunction<dev.lake.iam.IamScope, dev.lake.iam.IamPolicy> policy) {
    java.util.Objects.requireNonNull(policy, "policy");
    Step<I, O> self = this;
    return new Step<>() {
      @Override
      public String name() {
        return self.name();
      }

      @Override
      public void apply(I row, Consumer<? super O> out) throws Exception {
        self.apply(row, out);
      }

      @Override
      public void finish(Consumer<? super O> out) throws Exception {
        self.finish(out);
      }

      @Override
      public Step<I, O> forWorker() {
        Step<I, O> own = self.forWorker();
        return own == self ? this : own.needing(policy);
      }

      @Override
      public boolean stateful() {
        return self.stateful();
      }

      @Override
      public Output output() {
        return self.output();
      }

      @Override
      public Optional<Merging<?, O>> merging() {
        return self.merging();
      }

      @Override
      public void validate() {
        self.validate();
      }

      @Override
      public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
        return self.permissions(scope).and(policy.apply(scope));
      }

      @Override
      public String toString() {
        return self.toString();
      }
    };
  }

  /** A step from a name and a body. */
  static <I, O> Step<I, O> of(String name, Body<I, O> body) {
    return new Step<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(I row, Consumer<? super O> out) throws Exception {
        body.apply(row, out);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** The body of a step. */
  @FunctionalInterface
  interface Body<I, O> extends Serializable {
    void apply(I row, Consumer<? super O> out) throws Exception;
  }
}
