package dev.lake.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the closest known name by Levenshtein distance, if it is close enough to be a typo.
 *
 * <pre>{@code
 * DidYouMean.closest("songplay", List.of("songplays", "songs")); // Optional[songplays]
 * }</pre>
 */
final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate, when at most a third of its letters (at least 2) differ, or one contains the other. */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      String cl = c.toLowerCase(Locale.ROOT);
      int d = distance(lower, cl);
      if (cl.contains(lower) || lower.contains(cl)) {
        d = Math.min(d, Math.abs(cl.length() - lower.length()));
      }
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** The Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
