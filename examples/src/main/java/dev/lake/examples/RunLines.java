package dev.lake.examples;

import dev.lake.PipelineResult;
import dev.lake.SinkReport;

/**
 * What the examples print about a run, so that a re-run says what it did with input already committed: an append
 * whose every split is committed says "nothing to add" (instead of "0 in, 0 written, …"), and a dataset the run
 * replaced says which version it replaced.
 *
 * <pre>{@code
 * System.out.println(RunLines.summary(result));
 * // online-retail: nothing to add, all 305 splits already committed (by run 20261207T052836Z-5e039a45); ...
 * System.out.printf("songs %,d rows written%s%n", r.rowsWritten(), RunLines.replaced(r));   // "; v2 replaces v1"
 * }</pre>
 */
public final class RunLines {
  private RunLines() {}

  /** {@link PipelineResult#summary()}, or "nothing to add" when every split the run found was committed before. */
  public static String summary(PipelineResult r) {
    if (!nothingToAdd(r)) {
      return r.summary();
    }
    StringBuilder sb = new StringBuilder(r.pipeline()).append(": ").append(nothingToAddNote(r));
    for (SinkReport k : r.sinks()) {
      // an Iceberg sink that adds nothing reports no version: the table's snapshot is printed beside it
      sb.append(k.version() > 0 ? String.format("; %s still v%d", k.name(), k.version())
          : String.format("; %s unchanged", k.name()));
    }
    return sb.toString();
  }

  /** True when the run read nothing because every split of its input is committed already (a re-run). */
  public static boolean nothingToAdd(PipelineResult r) {
    return r.splitsSkipped() > 0 && r.splits() == 0 && r.rowsIn() == 0;
  }

  /** "nothing to add, all 305 splits already committed (by run …)", or "" when the run read something. */
  public static String nothingToAddNote(PipelineResult r) {
    if (!nothingToAdd(r)) {
      return "";
    }
    return String.format("nothing to add, all %,d splits already committed%s", r.splitsSkipped(),
        r.skippedCommittedBy().isEmpty() ? "" : " (by run " + String.join(", ", r.skippedCommittedBy()) + ")");
  }

  /**
   * For a run that replaces its dataset ({@code WriteMode.OVERWRITE}): "; v3 replaces v2" when there was an earlier
   * version, "" for the first. A re-run of such an example writes every row again, and says so.
   */
  public static String replaced(PipelineResult r) {
    if (r.sinks().isEmpty()) {
      return "";
    }
    SinkReport k = r.sinks().get(0);
    return !k.unchanged() && k.version() > 1 ? String.format("; v%d replaces v%d", k.version(), k.version() - 1)
        : "";
  }
}
