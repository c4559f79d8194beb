/**
 * Internal implementation (values: text, JSON and Java values converted to the Java value an Avro schema calls for);
 * not API: it may change in any release. Needs nothing of {@code dev.lake} but lake-api's exceptions. Use
 * {@code dev.lake.io.Fields} and {@code dev.lake.Rows} instead.
 *
 * <p>Each conversion has one implementation:
 * <ul>
 *   <li>{@link dev.lake.internal.values.Values}: the entry points ({@code parse}, {@code fromJson}, {@code cast}),
 *       and text to a value of any schema (the dispatch on the schema's type);</li>
 *   <li>{@link dev.lake.internal.values.PlainNumbers}: text to int, long and decimal read in place from a line (the
 *       CSV hot path; also the fast path of {@code TextValues.toLong});</li>
 *   <li>{@link dev.lake.internal.values.TextValues}: text to a number, boolean, date, time or instant, null when the
 *       text has another shape; {@link dev.lake.internal.values.DateTimeText} is its ISO-8601 scanner;</li>
 *   <li>{@link dev.lake.internal.values.Decimals}: a BigDecimal fitted to decimal(precision, scale) without
 *       rounding, for parsers, casts and the record writers;</li>
 *   <li>{@link dev.lake.internal.values.Temporals}: text, epoch numbers and Java date/times to the value of a
 *       date, time or timestamp schema;</li>
 *   <li>{@link dev.lake.internal.values.JsonValues}: a JSON node to a value of any schema;</li>
 *   <li>{@link dev.lake.internal.values.CastValues}: a Java value to a value of another schema (value to value,
 *       value to text);</li>
 *   <li>{@link dev.lake.internal.values.Nullability}: nullable unions (unwrap, test, make) and the one loop that
 *       tries the branches of a union of several types;</li>
 *   <li>{@link dev.lake.internal.values.ValueErrors}: every conversion error's wording ("Expected a long but was
 *       'abc'");</li>
 *   <li>{@link dev.lake.internal.values.TypeGuess}: a schema guessed from text and JSON samples;
 *       {@link dev.lake.internal.values.Names}: Avro-safe names and the normalised names fields are matched by.</li>
 * </ul>
 */
package dev.lake.internal.values;
