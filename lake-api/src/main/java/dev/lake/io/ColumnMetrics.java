package dev.lake.io;

import java.io.Serializable;

/**
 * What one column chunk of a written file holds, summed over its row groups: the figures table formats keep per
 * file so that engines can skip files (Apache Iceberg's value, null and NaN-free counts, lower and upper bounds).
 *
 * <pre>{@code
 * // given: WriteSpec spec, ObjectWriter out, List<GenericRecord> rows
 * try (RowFileWriter w = FileFormats.newWriter(spec, out)) {
 *   for (GenericRecord row : rows) {
 *     w.write(row);
 *   }
 *   w.commit();
 *   for (ColumnMetrics c : w.metrics().orElseThrow().columns()) {
 *     System.out.println(c.path() + ": " + c.nullCount() + " nulls, min " + c.lower());
 *   }
 * }
 * }</pre>
 *
 * @param path the column's path in the file schema, names joined by '.' (e.g. {@code "address.city"},
 *     {@code "tags.list.element"})
 * @param fieldId the field id the file schema gives the column (Iceberg's {@code field-id}), or -1 when it has none
 * @param valueCount values in the column, nulls included
 * @param nullCount null values, or -1 when the file does not say
 * @param compressedBytes bytes the column takes in the file
 * @param lower the smallest value in the file's physical encoding ({@code Integer}, {@code Long}, {@code Float},
 *     {@code Double}, {@code Boolean} or {@code byte[]}: an {@code INT64} microsecond timestamp is a {@code Long}, a
 *     string or a binary decimal the bytes), or {@code null} when unknown or all values are null
 * @param upper the largest value, as {@code lower}
 */
public record ColumnMetrics(String path, int fieldId, long valueCount, long nullCount, long compressedBytes,
    Object lower, Object upper) implements Serializable {}
