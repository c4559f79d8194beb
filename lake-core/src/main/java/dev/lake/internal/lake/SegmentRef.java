package dev.lake.internal.lake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a manifest version says of one of its segments ({@link Segments}): its name and what it holds.
 *
 * <pre>{@code
 * SegmentRef ref = new SegmentRef("20261207T101500Z-1a2b3c4d-v7-0", 13, 541_909, 4_512_310);
 * }</pre>
 *
 * @param name the segment's name, {@code <runId>-v<version>-<n>}
 * @param files how many files it lists
 * @param rows their rows
 * @param bytes their bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SegmentRef(String name, int files, long rows, long bytes) {}
