package dev.lake.internal.runner;

import java.io.Serializable;

/**
 * The bad-row settings a run applies, engine-side: the pipeline's {@code BadRowPolicy} as {@code dev.lake.RunSpecs}
 * reads it, so the runner does not depend on the API type.
 *
 * <pre>{@code
 * BadRowLimit limit = new BadRowLimit(false, true, 100);   // BadRowPolicy.toRejectedZone().withMaxRejected(100)
 * }</pre>
 *
 * @param failFast the run fails at its first bad row ({@code BadRowPolicy.failFast()})
 * @param toRejectedZone bad rows go to the rejected zone ({@code BadRowPolicy.toRejectedZone()})
 * @param maxRejected the most bad rows the run accepts
 */
public record BadRowLimit(boolean failFast, boolean toRejectedZone, long maxRejected) implements Serializable {}
