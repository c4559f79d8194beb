package dev.lake.sentiment;

import static dev.lake.sentiment.VaderScorer.B_DECR;
import static dev.lake.sentiment.VaderScorer.B_INCR;
import static dev.lake.sentiment.VaderScorer.C_INCR;
import static dev.lake.sentiment.VaderScorer.N_SCALAR;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** VADER's heuristics: boosters, negation, capitals, "least", "but" and idioms, as in the reference code. */
final class Rules {
  private Rules() {}

  static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
      "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent",
      "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
      "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant",
      "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
      "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  static final Map<String, Double> BOOSTERS = boosters();

  static final Map<String, Double> IDIOMS = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5,
      "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0, "beating heart", 3.1,
      "broken heart", -2.9);

  private static Map<String, Double> boosters() {
    Map<String, Double> m = new HashMap<>();
    for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
        + "enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping "
        + "flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly "
        + "hella highly hugely incredible incredibly intensely major majorly more most particularly purely quite "
        + "really remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably "
        + "unusually utter utterly very").split(" ")) {
      m.put(w, B_INCR);
    }
    for (String w : ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional "
        + "occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of").split(" ")) {
      m.put(w, B_DECR);
    }
    m.put("just enough", B_DECR);
    m.put("kind of", B_DECR);
    m.put("sort of", B_DECR);
    return Map.copyOf(m);
  }

  static String low(List<String> words, int i) {
    return words.get(i).toLowerCase(Locale.ROOT);
  }

  static boolean negated(String word) {
    return NEGATE.contains(word) || word.contains("n't");
  }

  static double valence(Map<String, Double> lex, List<String> words, int i, boolean capDiff) {
    String item = words.get(i);
    String lower = item.toLowerCase(Locale.ROOT);
    Double base = lex.get(lower);
    if (base == null) {
      return 0;
    }
    double v = base;
    if (lower.equals("no") && i != words.size() - 1 && lex.containsKey(low(words, i + 1))) {
      v = 0;
    }
    if ((i > 0 && low(words, i - 1).equals("no")) || (i > 1 && low(words, i - 2).equals("no"))
        || (i > 2 && low(words, i - 3).equals("no") && (low(words, i - 1).equals("or")
        || low(words, i - 1).equals("nor")))) {
      v = base * N_SCALAR;
    }
    if (VaderScorer.isUpper(item) && capDiff) {
      v += v > 0 ? C_INCR : -C_INCR;
    }
    for (int start = 0; start < 3; start++) {
      if (i > start && !lex.containsKey(low(words, i - (start + 1)))) {
        double s = booster(words.get(i - (start + 1)), v, capDiff);
        if (start == 1) {
          s *= 0.95;
        } else if (start == 2) {
          s *= 0.9;
        }
        v += s;
        v = negation(v, words, start, i);
        if (start == 2) {
          v = idioms(v, words, i);
        }
      }
    }
    return least(lex, v, words, i);
  }

  private static double booster(String word, double valence, boolean capDiff) {
    Double b = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
    if (b == null) {
      return 0;
    }
    double s = valence < 0 ? -b : b;
    if (VaderScorer.isUpper(word) && capDiff) {
      s += valence > 0 ? C_INCR : -C_INCR;
    }
    return s;
  }

  private static double negation(double v, List<String> w, int start, int i) {
    if (start == 0) {
      return negated(low(w, i - 1)) ? v * N_SCALAR : v;
    }
    if (start == 1) {
      if (low(w, i - 2).equals("never") && (low(w, i - 1).equals("so") || low(w, i - 1).equals("this"))) {
        return v * 1.25;
      }
      if (low(w, i - 2).equals("without") && low(w, i - 1).equals("doubt")) {
        return v;
      }
      return negated(low(w, i - 2)) ? v * N_SCALAR : v;
    }
    if (low(w, i - 3).equals("never") && (Set.of("so", "this").contains(low(w, i - 2))
        || Set.of("so", "this").contains(low(w, i - 1)))) {
      return v * 1.25;
    }
    if (low(w, i - 3).equals("without") && (low(w, i - 2).equals("doubt") || low(w, i - 1).equals("doubt"))) {
      return v;
    }
    return negated(low(w, i - 3)) ? v * N_SCALAR : v;
  }

  private static double idioms(double v, List<String> w, int i) {
    String oneZero = low(w, i - 1) + " " + low(w, i);
    String twoOneZero = low(w, i - 2) + " " + oneZero;
    String twoOne = low(w, i - 2) + " " + low(w, i - 1);
    String threeTwoOne = low(w, i - 3) + " " + twoOne;
    String threeTwo = low(w, i - 3) + " " + low(w, i - 2);
    for (String seq : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
      if (IDIOMS.containsKey(seq)) {
        v = IDIOMS.get(seq);
        break;
      }
    }
    if (w.size() - 1 > i) {
      String zeroOne = low(w, i) + " " + low(w, i + 1);
      if (IDIOMS.containsKey(zeroOne)) {
        v = IDIOMS.get(zeroOne);
      }
    }
    if (w.size() - 1 > i + 1) {
      String zeroOneTwo = low(w, i) + " " + low(w, i + 1) + " " + low(w, i + 2);
      if (IDIOMS.containsKey(zeroOneTwo)) {
        v = IDIOMS.get(zeroOneTwo);
      }
    }
    for (String gram : List.of(threeTwoOne, threeTwo, twoOne)) {
      Double b = BOOSTERS.get(gram);
      if (b != null) {
        v += b;
      }
    }
    return v;
  }

  private static double least(Map<String, Double> lex, double v, List<String> w, int i) {
    if (i > 1 && !lex.containsKey(low(w, i - 1)) && low(w, i - 1).equals("least")) {
      if (!low(w, i - 2).equals("at") && !low(w, i - 2).equals("very")) {
        return v * N_SCALAR;
      }
    } else if (i > 0 && !lex.containsKey(low(w, i - 1)) && low(w, i - 1).equals("least")) {
      return v * N_SCALAR;
    }
    return v;
  }

  /** Sentiment before "but" counts half, after it one and a half times. */
  static void butCheck(List<String> words, double[] sentiments) {
    int but = -1;
    for (int i = 0; i < words.size(); i++) {
      if (low(words, i).equals("but")) {
        but = i;
        break;
      }
    }
    if (but < 0) {
      return;
    }
    for (int i = 0; i < sentiments.length; i++) {
      if (i < but) {
        sentiments[i] *= 0.5;
      } else if (i > but) {
        sentiments[i] *= 1.5;
      }
    }
  }
}
