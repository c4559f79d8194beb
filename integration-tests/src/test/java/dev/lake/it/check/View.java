package dev.lake.it.check;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * One reader's view of the dataset: the files it read and what each day holds in them.
 *
 * <pre>{@code
 * View glob = views.glob();
 * glob.rows();   // all rows it sees
 * }</pre>
 *
 * @param reader which reader ("glob", "manifest v3", "Lake.read")
 * @param files the files read, relative to the dataset directory (empty for Lake's reader)
 * @param days per day of invoice date
 * @param misfiled rows in a {@code year=}/{@code month=} directory that is not their invoice date's
 */
public record View(String reader, List<String> files, SortedMap<LocalDate, DayStats> days, long misfiled) {
  /** Rows in the view. */
  public long rows() {
    return days.values().stream().mapToLong(DayStats::rows).sum();
  }
}
