/**
 * The unchecked exceptions Lake throws, all under {@link dev.lake.exceptions.LakeException}: validation
 * (before any I/O), schema, source, sink, bad rows, and commit outcomes.
 *
 * <pre>{@code
 * catch (CommitStateUnknownException e) { pipeline.run(); } // commits are idempotent
 * }</pre>
 */
package dev.lake.exceptions;
