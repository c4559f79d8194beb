package dev.lake.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Deals splits into Spark partitions: contiguous runs of the source's order, as even as possible, so neighbouring
 * files (one day after another) land in the same task and a task writes fewer, larger files. Deterministic: the same
 * splits and count give the same groups, which is what keeps a retried task's file names.
 *
 * <pre>{@code
 * SplitGroups.contiguous(List.of(a, b, c, d, e), 2)   // [[a, b, c], [d, e]]
 * }</pre>
 */
final class SplitGroups {
  private SplitGroups() {}

  static <S> List<List<S>> contiguous(List<S> splits, int groups) {
    int n = Math.max(1, Math.min(groups, splits.size()));
    List<List<S>> out = new ArrayList<>(n);
    int size = splits.size();
    for (int g = 0; g < n; g++) {
      int from = (int) ((long) g * size / n);
      int to = (int) ((long) (g + 1) * size / n);
      out.add(List.copyOf(splits.subList(from, to)));
    }
    return out;
  }
}
