/**
 * Pipeline steps: the {@link dev.lake.transforms.Step} interface, column transforms over generic rows
 * ({@link dev.lake.transforms.Columns}), batches by rows, bytes or time ({@link dev.lake.transforms.Buffer}) and
 * serializable functional interfaces.
 *
 * <pre>{@code
 * pipeline.apply(Columns.rename("qty", "quantity"));
 * pipeline.buffer(Buffer.ofRows(500).orTime(Duration.ofSeconds(60)));
 * }</pre>
 */
package dev.lake.transforms;
