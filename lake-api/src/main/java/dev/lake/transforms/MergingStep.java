package dev.lake.transforms;

import java.util.Optional;

/**
 * A step whose results need every worker's rows (a total, a distinct count, a top N): each worker folds its own rows
 * into its own state ({@link #forWorker()}, {@link #apply}), hands it over at the end of its input
 * ({@link #partial()}), and once every worker is done the runner merges the partials ({@link #merge}) and emits the
 * {@link #results} through the later steps into the sinks, with one more writer, in the same commit. That is how
 * {@code Pipeline.aggregate} runs, on the local runner and on Spark (whose driver merges
 * the partials of each partition's successful attempt, so a retried task never counts twice).
 *
 * <pre>{@code
 * // the number of distinct invoice numbers over every worker's rows
 * final class DistinctInvoices implements MergingStep<String, HashSet<String>, Long> {
 *   private final HashSet<String> seen = new HashSet<>();          // this worker's state
 *   public String name() { return "distinct-invoices"; }
 *   public void apply(String invoiceNo, Consumer<? super Long> out) { seen.add(invoiceNo); }
 *   public DistinctInvoices forWorker() { return new DistinctInvoices(); }
 *   public HashSet<String> partial() { return seen; }
 *   public HashSet<String> merge(HashSet<String> a, HashSet<String> b) { a.addAll(b); return a; }
 *   public void results(HashSet<String> all, Results<? super Long> out) { out.emit((long) all.size(), "all"); }
 * }
 *
 * Pipeline<Long> distinct(Pipeline<String> invoiceNumbers) {
 *   return invoiceNumbers.apply(new DistinctInvoices());           // one row: the count
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #forWorker()} must return a fresh instance: it is each worker's empty state, and the instance the
 *       runner merges on.
 *   <li>{@link #finish} is not called: the results come from the merge. Steps before this one run on the workers;
 *       steps after it run once, on the results. A later merging step sees every row in that one instance: its
 *       results are those of its own partial.
 *   <li>{@link #apply} throwing rejects the row under the bad-row policy: throw before the state changes, so the row
 *       is not half counted. {@link #merge} or {@link #results} throwing fails the run.
 *   <li>Partials must be {@link java.io.Serializable} ({@code Pipeline.validate()} checks a fresh worker's);
 *       a pipeline with a merging step refuses {@code Pipeline.withDeadline}: a run stopped early would
 *       commit partial results as results.
 *   <li>In the run report the step counts as {@link Step.Output#GROUPS}: {@code in} counts the rows, {@code batched}
 *       the rows folded, {@code out} the results.
 * </ul>
 *
 * @param <I> rows in
 * @param <P> the partial state of one worker
 * @param <O> rows out (the results)
 */
public interface MergingStep<I, P, O> extends Step<I, O>, Merging<P, O> {

  /** This step: it merges across workers. */
  @Override
  default Optional<Merging<?, O>> merging() {
    return Optional.of(this);
  }

  /** {@link Step.Output#GROUPS}: every row it takes is folded into its results. */
  @Override
  default Output output() {
    return Output.GROUPS;
  }
}
