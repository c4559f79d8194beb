package dev.lake.transforms;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that can be shipped to a Spark executor with the pipeline.
 *
 * <pre>{@code
 * SerializableFunction<Sale, String> country = Sale::country;
 * }</pre>
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {}
