/**
 * CSV and JSON / JSON Lines file sources over any object store, with globs, gzip and schema inference.
 *
 * <pre>{@code
 * Source<Sale> sales = CsvSource.of(Sale.class).from("data/sales/*.csv.gz");
 * }</pre>
 */
package dev.lake.source.files;
