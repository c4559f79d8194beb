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
    assertThat(c.missing().size()).as("files that manifest v%d lists (of %d) but that do not exist: %s", c.version(),
        c.listed().size(), sample(c.missing())).isZero();
    List<String> wrong = new ArrayList<>();
    for (ManifestFile.Entry e : c.listed()) {
      Committed.Fingerprint f = c.present().get(e.path());
      Long rows = c.rowsRead().get(e.path());
      if (f != null && (f.size() != e.bytes() || rows == null || rows != e.rows())) {
        wrong.add(String.format("%s: %d bytes, %s rows (manifest: %d bytes, %d rows)", e.path(), f.size(), rows,
            e.bytes(), e.rows()));
      }
    }
    assertThat(wrong.size()).as("files of manifest v%d that are not what it says: %s", c.version(), sample(wrong))
        .isZero();
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
    assertThat(wrong.size()).as("days that %s holds partly or more than once (%,d rows in all over %d days): %s",
        v.reader(), v.rows(), v.days().size(), sample(wrong)).isZero();
    assertThat(v.misfiled()).as("rows that %s finds under another month's directory", v.reader()).isZero();
  }

  /**
   * A plain glob sees exactly the files the newest manifest lists (all of them: a listed file that is gone counts
   * against it), and the same rows in them.
   */
  public static void globShowsExactlyCommitted(View glob, Committed c) {
    List<String> listed = c.listed().stream().map(ManifestFile.Entry::path).toList();
    Set<String> extra = new TreeSet<>(glob.files());
    extra.removeAll(listed);
    Set<String> unseen = new TreeSet<>(listed);
    unseen.removeAll(glob.files());
    assertThat(List.of(extra.size(), unseen.size())).as("a plain glob sees %,d rows in %d files, manifest v%d lists "
        + "%,d rows in %d files; [files only the glob sees, files only the manifest lists]: %s, %s", glob.rows(),
        glob.files().size(), c.version(), c.listed().stream().mapToLong(ManifestFile.Entry::rows).sum(),
        listed.size(), sample(extra), sample(unseen)).containsExactly(0, 0);
    Set<LocalDate> allDays = new TreeSet<>(glob.days().keySet());
    allDays.addAll(c.view().days().keySet());
    List<String> differ = allDays.stream().filter(d -> !java.util.Objects.equals(glob.days().get(d),
        c.view().days().get(d))).map(d -> d + ": glob " + glob.days().get(d) + ", manifest " + c.view().days().get(d))
        .toList();
    assertThat(differ.size()).as("days where a plain glob and manifest v%d differ: %s", c.version(), sample(differ))
        .isZero();
  }

  /** At most three of {@code items}, and how many there are. */
  static String sample(Collection<String> items) {
    return items.size() <= 3 ? items.toString()
        : items.stream().limit(3).toList() + " and " + (items.size() - 3) + " more";
  }

  /** The view holds these days and no other (whether complete and once is {@link #everyDayCompleteAndOnce}'s check). */
  public static void holdsExactly(View v, Collection<LocalDate> days) {
    Set<LocalDate> absent = new TreeSet<>(days);
    absent.removeAll(v.days().keySet());
    Set<LocalDate> extra = new TreeSet<>(v.days().keySet());
    extra.removeAll(days);
    assertThat(List.of(absent.size(), extra.size())).as("%s holds %d days, %d expected; [days it misses, days it "
        + "should not hold]: %s, %s", v.reader(), v.days().size(), days.size(), sample(strings(absent)),
        sample(strings(extra))).containsExactly(0, 0);
  }

  private static List<String> strings(Collection<LocalDate> days) {
    return days.stream().map(LocalDate::toString).toList();
  }

  /** The view holds at least these days (whether complete and once is {@link #everyDayCompleteAndOnce}'s check). */
  public static void includes(View v, Collection<LocalDate> days) {
    Set<LocalDate> absent = new TreeSet<>(days);
    absent.removeAll(v.days().keySet());
    assertThat(absent.size()).as("days of a successful run that %s does not hold: %s", v.reader(),
        sample(strings(absent))).isZero();
  }

  /**
   * The whole of Online Retail: every day, and 541,909 rows, quantity 5,176,450, revenue 9,747,747.934 (whether each
   * day is complete and once is {@link #everyDayCompleteAndOnce}'s check).
   */
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
    assertThat(changed.size()).as("files of manifest v%d (of %d) that v%d still lists but that were deleted or "
        + "rewritten: %s", before.version(), before.present().size(), after.version(), sample(changed)).isZero();
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
