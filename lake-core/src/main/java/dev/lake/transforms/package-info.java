/**
 * Pipeline steps: the {@link dev.lake.transforms.Step} interface, column transforms over generic rows
 * ({@link dev.lake.transforms.Columns}) and serializable functional interfaces.
 *
 * <pre>{@code
 * pipeline.apply(Columns.rename("qty", "quantity"));
 * }</pre>
 */
package dev.lake.transforms;
