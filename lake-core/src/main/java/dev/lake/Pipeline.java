package dev.lake;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.internal.runner.LocalRunner;
import dev.lake.internal.runner.PipelineFront;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.transforms.Aggregator;
import dev.lake.transforms.Buffer;
import dev.lake.transforms.Columns;
import dev.lake.transforms.SerializableFunction;
import dev.lake.transforms.SerializablePredicate;
import dev.lake.transforms.Step;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * An immutable description of a pipeline: a source, named transform steps, and one or more sinks. Every method
 * returns a new pipeline; {@link #run()} executes it with the local runner (streaming, bounded memory, parallel
 * writes) and returns the run's report. The same description can run on Spark: every function is serializable.
 *
 * <pre>{@code
 * Lake lake = Lake.at("./lake");
 * PipelineResult result = Pipeline.from(CsvSource.of(Sale.class).from("data/sales/*.csv.gz"))
 *     .named("sales")
 *     .filter("has-customer", s -> s.customerId() != null)
 *     .map("to-row", RetailRow::of)
 *     .to(lake.processed("sales").partitionBy("year", "month"))
 *     .onBadRows(BadRowPolicy.toRejectedZone())
 *     .run();
 * System.out.println(result.summary());
 * }</pre>
 *
 * @param <T> the type of the rows at the end of the pipeline so far
 */
public final class Pipeline<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  static {
    RecordModel.install(); // Columns' steps and Buffer.jsonBytes() meet Java records through RecordRows.installed()
    // the runner SPI (dev.lake.runner) reaches RunSpecs and RunResults through the engine, which names no type here
    PipelineFront.install(new PipelineFrontend());
  }

  private final String name;
  private final Source<?> source;
  private final List<Step<Object, Object>> steps;
  private final List<Sink<Object>> sinks;
  private final BadRowPolicy badRowPolicy;
  private final int parallelism;
  private final Lake lake;
  private final java.time.Instant deadline;

  private Pipeline(String name, Source<?> source, List<Step<Object, Object>> steps, List<Sink<Object>> sinks,
      BadRowPolicy badRowPolicy, int parallelism, Lake lake, java.time.Instant deadline) {
    this.name = name;
    this.source = source;
    this.steps = Collections.unmodifiableList(steps);
    this.sinks = Collections.unmodifiableList(sinks);
    this.badRowPolicy = badRowPolicy;
    this.parallelism = parallelism;
    this.lake = lake;
    this.deadline = deadline;
  }

  /** A pipeline reading from {@code source}. Its name defaults to the source's name. */
  public static <T> Pipeline<T> from(Source<T> source) {
    Objects.requireNonNull(source, "source");
    return new Pipeline<>(source.name(), source, List.of(), List.of(), BadRowPolicy.failFast(), 0, null, null);
  }

  /** Names the pipeline: it keys cursors, run reports and deterministic file names, so keep it stable. */
  public Pipeline<T> named(String pipelineName) {
    ValidationException.check(pipelineName != null && NAME.matcher(pipelineName).matches(),
        "Invalid pipeline name '%s': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit",
        pipelineName);
    return copy(c -> c.name = pipelineName);
  }

  /** Applies a step (the general form of every transform). */
  @SuppressWarnings("unchecked")
  public <R> Pipeline<R> apply(Step<? super T, R> step) {
    Objects.requireNonNull(step, "step");
    List<Step<Object, Object>> next = new ArrayList<>(steps);
    next.add((Step<Object, Object>) (Step<?, ?>) step);
    return new Pipeline<>(name, source, next, sinks, badRowPolicy, parallelism, lake, deadline);
  }

  /** Transforms each row. An exception thrown by {@code fn} rejects that row. */
  public <R> Pipeline<R> map(SerializableFunction<? super T, ? extends R> fn) {
    return map("map-" + (steps.size() + 1), fn);
  }

  /** Transforms each row, in a step named {@code stepName}. */
  public <R> Pipeline<R> map(String stepName, SerializableFunction<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    return apply(Step.<T, R>of(stepName, (row, out) -> out.accept(fn.apply(row))));
  }

  /** Keeps the rows for which {@code predicate} holds; the others are counted as filtered in the report. */
  public Pipeline<T> filter(SerializablePredicate<? super T> predicate) {
    return filter("filter-" + (steps.size() + 1), predicate);
  }

  /** Keeps the rows for which {@code predicate} holds, in a step named {@code stepName}. */
  public Pipeline<T> filter(String stepName, SerializablePredicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return apply(Step.<T, T>of(stepName, (row, out) -> {
      if (predicate.test(row)) {
        out.accept(row);
      }
    }));
  }

  /** Turns each row into zero or more rows. */
  public <R> Pipeline<R> flatMap(SerializableFunction<? super T, ? extends Iterable<? extends R>> fn) {
    return flatMap("flatMap-" + (steps.size() + 1), fn);
  }

  /** Turns each row into zero or more rows, in a step named {@code stepName}. */
  public <R> Pipeline<R> flatMap(String stepName, SerializableFunction<? super T, ? extends Iterable<? extends R>> fn) {
    Objects.requireNonNull(fn, "fn");
    return apply(Step.<T, R>of(stepName, (row, out) -> {
      for (R r : fn.apply(row)) {
        out.accept(r);
      }
    }));
  }

  /** Keeps only the named fields, in that order (rows become generic rows). */
  public Pipeline<GenericRecord> select(String... fields) {
    return apply(Columns.select(fields));
  }

  /** Renames a field (rows become generic rows). */
  public Pipeline<GenericRecord> rename(String from, String to) {
    return apply(Columns.rename(from, to));
  }

  /** Casts a field to another type, e.g. {@code cast("quantity", Schema.create(Schema.Type.LONG))}. */
  public Pipeline<GenericRecord> cast(String field, Schema type) {
    return apply(Columns.cast(field, type));
  }

  /** Flattens nested records into top-level fields joined by '_' ({@code teams.home.name -> teams_home_name}). */
  public Pipeline<GenericRecord> flatten() {
    return apply(Columns.flatten("_"));
  }

  /**
   * Keeps the first row seen for each key. The keys seen are held in memory (about 100 bytes each) and shared by
   * all workers; which duplicate survives is unspecified when rows are read in parallel.
   */
  public Pipeline<T> deduplicate(SerializableFunction<? super T, ?> key) {
    return apply(Columns.deduplicate("deduplicate-" + (steps.size() + 1), key));
  }

  /**
   * Joins each row with a value from a small in-memory table (a left join: {@code join} receives null when the
   * key is absent). Build the table with {@link Lookup#load}.
   */
  public <K, V, R> Pipeline<R> lookupJoin(Map<K, V> table, SerializableFunction<? super T, K> key,
      SerializableBiFunction<? super T, ? super V, ? extends R> join) {
    Objects.requireNonNull(table, "table");
    Map<K, V> copy = new java.util.HashMap<>(table);
    return apply(Step.<T, R>of("lookup-join-" + (steps.size() + 1),
        (row, out) -> out.accept(join.apply(row, copy.get(key.apply(row))))));
  }

  /**
   * Gathers rows into batches by {@code buffer}'s limits (rows, bytes, time since the batch's first row: whichever
   * comes first). Each worker fills its own batches; its last, partial batch is emitted when its input ends (at the
   * deadline too). In the run report the step's {@code in} counts rows and its {@code out} batches; after it, a row
   * is a batch (a later step or sink rejects or writes whole batches).
   *
   * <pre>{@code
   * Pipeline.from(source)
   *     .buffer(Buffer.ofRows(500).orBytes(5_000_000).orTime(Duration.ofSeconds(60)))
   *     .map("post", batch -> api.post(batch))
   *     .to(sink);
   * }</pre>
   */
  public Pipeline<List<T>> buffer(Buffer<? super T> buffer) {
    return buffer("buffer-" + (steps.size() + 1), buffer);
  }

  /** Gathers rows into batches by {@code buffer}'s limits, in a step named {@code stepName}. */
  @SuppressWarnings("unchecked")
  public Pipeline<List<T>> buffer(String stepName, Buffer<? super T> buffer) {
    Objects.requireNonNull(buffer, "buffer");
    return apply((Step<T, List<T>>) (Step<?, ?>) buffer.toStep(stepName));
  }

  /**
   * Groups rows by {@code key} and folds each group with {@code aggregator}; {@code result} turns each group's key
   * and aggregate into the row that goes on. Each worker (each Spark task) aggregates its own rows into one
   * accumulator per key (held in memory: fine for millions of keys, not billions); once every worker has finished,
   * the partial accumulators are merged and the results, one per key in key order, flow through the later steps
   * into the sinks, written by one more writer, all in the same commit. A key function or {@code add} that throws
   * makes a bad row of this step; a {@code merge} or {@code result} that throws fails the run. Not with
   * {@link #withDeadline} ({@link #validate()} refuses it: partial totals would be committed as totals).
   *
   * <pre>{@code
   * Pipeline.from(CsvSource.of(Sale.class).from("data/sales/*.csv.gz"))
   *     .aggregate("quantity-by-country", Sale::country, Aggregator.sumLong(Sale::quantity),
   *         (country, quantity) -> new CountryQuantity(country, quantity))
   *     .to(lake.processed("quantity_by_country"))
   *     .run();
   * }</pre>
   *
   * <p>In the run report the step's {@code in} counts rows, {@code out} groups and {@code batched} the rows folded
   * into them ({@code grouped} = rows beyond one per group).
   */
  public <K, A, V, R> Pipeline<R> aggregate(String stepName, SerializableFunction<? super T, ? extends K> key,
      Aggregator<? super T, A, ? extends V> aggregator,
      SerializableBiFunction<? super K, ? super V, ? extends R> result) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(aggregator, "aggregator");
    Objects.requireNonNull(result, "result");
    return apply(new AggregateStep<T, K, A, V, R>(stepName, key, aggregator, result));
  }

  /** Groups rows by {@code key} and folds each group with {@code aggregator}, in a step named aggregate-N. */
  public <K, A, V, R> Pipeline<R> aggregate(SerializableFunction<? super T, ? extends K> key,
      Aggregator<? super T, A, ? extends V> aggregator,
      SerializableBiFunction<? super K, ? super V, ? extends R> result) {
    return aggregate("aggregate-" + (steps.size() + 1), key, aggregator, result);
  }

  /** Adds a sink. A pipeline may write to several; all of them commit before any cursor advances. */
  @SuppressWarnings("unchecked")
  public Pipeline<T> to(Sink<? super T> sink) {
    Objects.requireNonNull(sink, "sink");
    List<Sink<Object>> next = new ArrayList<>(sinks);
    next.add((Sink<Object>) sink);
    Lake home = lake == null && sink instanceof LakeSink<?> ls ? ls.lake() : lake;
    return copy(c -> {
      c.sinks = next;
      c.lake = home;
    });
  }

  /** What to do with bad rows (default: {@link BadRowPolicy#failFast()}). */
  public Pipeline<T> onBadRows(BadRowPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return copy(c -> c.badRowPolicy = policy);
  }

  /** How many splits are read and written at once (default: the number of processors). */
  public Pipeline<T> withParallelism(int workers) {
    ValidationException.check(workers >= 1, "Parallelism must be at least 1 but was %s", workers);
    return copy(c -> c.parallelism = workers);
  }

  /**
   * Stops reading at {@code stopReadingAt} and commits what was read by then (for a Lambda, a few seconds before its
   * time runs out: {@code withDeadline(Instant.now().plusMillis(context.getRemainingTimeInMillis() - 10_000))}).
   * Sources with cursors resume from where the commit left them; a re-run over the same files replaces the partial
   * output. {@link PipelineResult#stoppedAtDeadline()} tells whether it happened. Cheap: copy it per invocation.
   */
  public Pipeline<T> withDeadline(java.time.Instant stopReadingAt) {
    Objects.requireNonNull(stopReadingAt, "stopReadingAt");
    return copy(c -> c.deadline = stopReadingAt);
  }

  /**
   * The lake that keeps this pipeline's run reports, cursors and rejected rows. Defaults to the lake of the first
   * lake sink.
   */
  public Pipeline<T> withLake(Lake home) {
    Objects.requireNonNull(home, "lake");
    return copy(c -> c.lake = home);
  }

  /**
   * Runs the pipeline locally and commits. Validates the plan before any I/O.
   *
   * @throws ValidationException when the plan is incomplete (no sink, rejected zone without a lake)
   * @throws dev.lake.exceptions.BadRowException when the bad-row policy is exceeded; nothing is committed
   * @throws dev.lake.exceptions.LakeException for any other failure; nothing is committed
   */
  public PipelineResult run() {
    validate();
    return RunResults.toPublic(new LocalRunner(RunSpecs.of(this)).run());
  }

  /**
   * Runs the pipeline with {@code runner} and commits, e.g. on Spark with {@code SparkRunner.of(spark)} from
   * lake-spark. Validates the plan before any I/O. {@code run()} is {@code run(PipelineRunner.local())}.
   *
   * <pre>{@code
   * PipelineResult result = pipeline.run(SparkRunner.of(spark));
   * }</pre>
   */
  public PipelineResult run(PipelineRunner runner) {
    Objects.requireNonNull(runner, "runner");
    validate();
    return runner.run(this);
  }

  /** Checks the plan without running it. */
  public Pipeline<T> validate() {
    ValidationException.check(!sinks.isEmpty(), "Pipeline '%s' has no sink: call .to(sink) before run()", name);
    ValidationException.check(badRowPolicy.mode() != BadRowPolicy.Mode.REJECTED_ZONE || lake != null,
        "Pipeline '%s' routes bad rows to the rejected zone but has no lake: call .withLake(Lake.at(...))", name);
    for (Step<Object, Object> step : steps) {
      if (step.merging().isPresent()) {
        ValidationException.check(deadline == null, "Pipeline '%s' aggregates (step '%s') and has a deadline "
            + "(withDeadline): a run stopped at the deadline would commit partial totals as totals. Remove "
            + "withDeadline; a run that cannot finish then fails and commits nothing", name, step.name());
        Object empty = step.forWorker().merging().orElseThrow().partial();
        ValidationException.check(empty instanceof java.io.Serializable, "Step '%s' of pipeline '%s' merges across "
            + "workers, but its partial %s is not Serializable; partials travel from Spark tasks to the driver: "
            + "return a Serializable one (never null) from partial()", step.name(), name,
            empty == null ? null : empty.getClass().getName());
      }
      step.validate();
    }
    return this;
  }

  /**
   * The least-privilege IAM policy this pipeline needs to run, derived from its description (no I/O, no AWS call):
   * what its source reads, what its steps declare ({@link Step#needing}), what its sinks write, and in its home lake the cursor file, the run reports and the
   * rejected zone when bad rows go there. ARNs use the region from {@code aws.region} / {@code AWS_REGION} and the
   * account from {@code AWS_ACCOUNT_ID}, else placeholders; see {@link #requiredPermissions(IamScope)}.
   *
   * <pre>{@code
   * IamPolicy policy = pipeline.requiredPermissions();
   * if (!policy.isComplete()) throw new IllegalStateException("Undeclared: " + policy.undeclared());
   * System.out.println(policy.toJson());
   * }</pre>
   */
  public IamPolicy requiredPermissions() {
    return requiredPermissions(IamScope.fromEnvironment());
  }

  /**
   * The least-privilege IAM policy this pipeline needs, with ARNs in {@code scope}'s region and account (a
   * connector configured with a client of another region uses that region). A source or sink that declares nothing
   * is listed in {@link IamPolicy#undeclared()} instead of being silently left out.
   */
  public IamPolicy requiredPermissions(IamScope scope) {
    Objects.requireNonNull(scope, "scope");
    IamPolicy policy = source.permissions(scope);
    for (Step<Object, Object> step : steps) {
      policy = policy.and(step.permissions(scope));
    }
    for (Sink<Object> sink : sinks) {
      policy = policy.and(sink.permissions(scope));
    }
    return policy.and(homePermissions(scope));
  }

  /** What a run needs in its home lake besides its sinks (state, run reports, rejected rows); nothing without one. */
  private IamPolicy homePermissions(IamScope scope) {
    if (lake() == null) {
      return IamPolicy.empty();
    }
    String rejected = badRowPolicy().mode() == BadRowPolicy.Mode.REJECTED_ZONE ? "rejected/" + rejectedName() : null;
    return dev.lake.internal.lake.LakePermissions.home(lake().location(), name(), rejected, scope);
  }

  /** The rejected zone's dataset name, as the local runner picks it: the first lake sink's, else the pipeline's. */
  private String rejectedName() {
    for (Sink<Object> s : sinks()) {
      if (s instanceof LakeSink<?> ls) {
        String d = ls.dataset();
        return d.substring(d.lastIndexOf('/') + 1);
      }
    }
    return name();
  }

  public String name() {
    return name;
  }

  public Source<?> source() {
    return source;
  }

  public List<Step<Object, Object>> steps() {
    return steps;
  }

  public List<Sink<Object>> sinks() {
    return sinks;
  }

  public BadRowPolicy badRowPolicy() {
    return badRowPolicy;
  }

  /** The configured parallelism, or 0 for "number of processors". */
  public int parallelism() {
    return parallelism;
  }

  /** When reading stops, or null for no deadline. */
  public java.time.Instant deadline() {
    return deadline;
  }

  /** The home lake, or null when none was set and no sink is a lake sink. */
  public Lake lake() {
    return lake;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Pipeline ").append(name).append(": ").append(source.name());
    steps.forEach(s -> sb.append(" -> ").append(s.name()));
    sinks.forEach(s -> sb.append(" => ").append(s.name()));
    return sb.toString();
  }

  /** A serializable two-argument function, for joins. */
  @FunctionalInterface
  public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {}

  private Pipeline<T> copy(java.util.function.Consumer<Copy<T>> change) {
    Copy<T> copy = new Copy<>(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a Pipeline, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy<T> {
    private String name;
    private Source<?> source;
    private List<Step<Object, Object>> steps;
    private List<Sink<Object>> sinks;
    private BadRowPolicy badRowPolicy;
    private int parallelism;
    private Lake lake;
    private java.time.Instant deadline;

    private Copy(Pipeline<T> original) {
      name = original.name;
      source = original.source;
      steps = original.steps;
      sinks = original.sinks;
      badRowPolicy = original.badRowPolicy;
      parallelism = original.parallelism;
      lake = original.lake;
      deadline = original.deadline;
    }

    private Pipeline<T> build() {
      return new Pipeline<>(name, source, steps, sinks, badRowPolicy, parallelism, lake, deadline);
    }
  }
}
