package dev.lake.it.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The promises, as AssertJ assertions over {@link View}s and {@link Committed} manifests, each failing with the
 * days or files that break it.
 *
 * <pre>{@code
 * Invariants.committedIsConsistent(views.committed());
 * Invariants.globShowsExactlyCommitted(views.glob(), views.committed());
 * }</pre>
 */
public final class Invariants {
  private Invariants() {}

  /**
   * Every file the newest manifest lists exists with the bytes and rows it says, and every day it holds is complete
   * and there once, in its own {@code year=}/{@code month=} directory.
   */
  public static void committedIsConsistent(Committed c) {
    assertThat(c.missing()).as("files that manifest v%d lists but that do not exist", c.version()).isEmpty();
    List<String> wrong = new ArrayList<>();
    for (ManifestFile.Entry e : c.listed()) {
      Committed.Fingerprint f = c.present().get(e.path());
      Long rows = c.rowsRead().get(e.path());
      if (f != null && (f.size() != e.bytes() || rows == null || rows != e.rows())) {
        wrong.add(String.format("%s: %d bytes, %s rows (manifest: %d bytes, %d rows)", e.path(), f.size(), rows,
            e.bytes(), e.rows()));
      }
    }
    assertThat(wrong).as("files of manifest v%d that are not what it says", c.version()).isEmpty();
    everyDayCompleteAndOnce(c.view());
  }

  /** Each day the view holds has exactly the rows of its file, once; no row is in another month's directory. */
  public static void everyDayCompleteAndOnce(View v) {
    Map<LocalDate, DayStats> expected = ExpectedAnswers.get().byDay();
    List<String> wrong = new ArrayList<>();
    v.days().forEach((day, got) -> {
      DayStats want = expected.get(day);
      if (!got.equals(want)) {
        wrong.add(day + ": " + got + (want == null ? " (no such day in the input)" : "; expected " + want));
      }
    });
    assertThat(wrong).as("days that %s holds partly or more than once (%,d rows in all over %d days)", v.reader(),
        v.rows(), v.days().size()).isEmpty();
    assertThat(v.misfiled()).as("rows that %s finds under another month's directory", v.reader()).isZero();
  }

  /** A plain glob sees exactly the files of the newest manifest, and the same rows. */
  public static void globShowsExactlyCommitted(View glob, Committed c) {
    assertThat(new TreeSet<>(glob.files())).as("files a plain glob sees (%,d rows) vs the files of manifest v%d "
        + "(%,d rows)", glob.rows(), c.version(), c.view().rows())
        .containsExactlyElementsOf(new TreeSet<>(c.view().files()));
    assertThat(glob.days()).as("the glob's rows per day vs manifest v%d's", c.version())
        .containsExactlyEntriesOf(c.view().days());
  }

  /** The view holds these days (complete, once) and no other. */
  public static void holdsExactly(View v, Collection<LocalDate> days) {
    everyDayCompleteAndOnce(v);
    assertThat(v.days().keySet()).as("the days %s holds", v.reader()).containsExactlyElementsOf(new TreeSet<>(days));
  }

  /** The view holds at least these days (complete, once). */
  public static void includes(View v, Collection<LocalDate> days) {
    everyDayCompleteAndOnce(v);
    Set<LocalDate> absent = new TreeSet<>(days);
    absent.removeAll(v.days().keySet());
    assertThat(absent).as("days of a successful run that %s does not hold", v.reader()).isEmpty();
  }

  /** The whole of Online Retail, every day once: 541,909 rows, quantity 5,176,450, revenue 9,747,747.934. */
  public static void holdsEverything(View v) {
    holdsExactly(v, ExpectedAnswers.get().allDays());
    DayStats total = ExpectedAnswers.total(v.days().values());
    assertThat(total.rows()).as("%s: rows", v.reader()).isEqualTo(ExpectedAnswers.ROWS);
    assertThat(total.quantity()).as("%s: quantity", v.reader()).isEqualTo(ExpectedAnswers.QUANTITY);
    assertThat(total.revenue()).as("%s: revenue", v.reader()).isEqualByComparingTo(ExpectedAnswers.REVENUE);
  }

  /**
   * Committed data is immutable: every file {@code before} listed that {@code after} still lists has the same
   * bytes, no day {@code before} held is gone, and the version did not go back.
   */
  public static void committedFilesUnchanged(Committed before, Committed after) {
    assertThat(after.version()).as("the newest version").isGreaterThanOrEqualTo(before.version());
    Set<String> stillListed = new TreeSet<>(after.listed().stream().map(ManifestFile.Entry::path).toList());
    List<String> changed = new ArrayList<>();
    before.present().forEach((path, was) -> {
      Committed.Fingerprint now = after.present().get(path);
      if (stillListed.contains(path) && !was.equals(now)) {
        changed.add(path + ": " + was + " -> " + (now == null ? "gone" : now));
      }
    });
    assertThat(changed).as("files of manifest v%d that v%d still lists but that were deleted or rewritten",
        before.version(), after.version()).isEmpty();
    Set<LocalDate> lost = new TreeSet<>(before.view().days().keySet());
    lost.removeAll(after.view().days().keySet());
    assertThat(lost).as("days committed in v%d that v%d lost", before.version(), after.version()).isEmpty();
  }

  /** Rows, quantity and revenue of a view, e.g. for messages. */
  public static String totals(View v) {
    DayStats t = ExpectedAnswers.total(v.days().values());
    return String.format("%s: %,d rows, quantity %,d, revenue %s", v.reader(), t.rows(), t.quantity(),
        t.revenue().setScale(3, java.math.RoundingMode.UNNECESSARY).toPlainString());
  }
}
