package dev.lake.transforms;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A {@link Predicate} that can be shipped to a Spark executor with the pipeline.
 *
 * <pre>{@code
 * SerializablePredicate<Sale> returns = s -> s.quantity() < 0;
 * }</pre>
 */
@FunctionalInterface
public interface SerializablePredicate<T> extends Predicate<T>, Serializable {}
