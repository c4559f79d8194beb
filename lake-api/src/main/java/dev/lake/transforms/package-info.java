/**
 * Pipeline steps: the {@link dev.lake.transforms.Step} interface, column transforms over generic rows
 * ({@code Columns}), batches by rows, bytes or time ({@code Buffer}), group
 * totals ({@link dev.lake.transforms.Aggregator}) and serializable functional interfaces.
 *
 * <pre>{@code
 * pipeline.apply(Columns.rename("qty", "quantity"));
 * pipeline.buffer(Buffer.ofRows(500).orTime(Duration.ofSeconds(60)));
 * pipeline.aggregate("by-country", Sale::country, Aggregator.count(), (country, n) -> new CountryCount(country, n));
 * }</pre>
 */
package dev.lake.transforms;
