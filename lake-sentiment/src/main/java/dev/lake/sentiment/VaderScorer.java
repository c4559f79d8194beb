package dev.lake.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule-based scorer on the VADER lexicon (Hutto and Gilbert, ICWSM 2014; MIT licence, shipped in this jar with
 * its licence): 7,500 words and emoticons with human-rated valences, adjusted by negation ("not good"), intensifiers
 * and dampeners ("very", "slightly"), words in capitals among lower-case ones, "but" shifting the weight to what
 * follows, "least", a few idioms, and exclamation and question marks. The compound score is the sum normalised to
 * [-1, 1]. A Java port of the reference implementation's rules (vaderSentiment 3.3), without its emoji translation.
 * Immutable and thread-safe; the lexicon loads once per JVM.
 *
 * <pre>{@code
 * VaderScorer vader = VaderScorer.create();
 * vader.score("The book was good.").compound();          //  0.44
 * vader.score("The book was NOT good!!").compound();     // -0.48
 * }</pre>
 */
public final class VaderScorer implements SentimentScorer {
  private static final long serialVersionUID = 1L;

  static final double B_INCR = 0.293;
  static final double B_DECR = -0.293;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = -0.74;

  private static final class Lexicon {
    static final Map<String, Double> WORDS = load();
  }

  private VaderScorer() {}

  /** The scorer on the bundled lexicon. */
  public static VaderScorer create() {
    return new VaderScorer();
  }

  /** The size of the bundled lexicon. */
  public static int lexiconSize() {
    return Lexicon.WORDS.size();
  }

  @Override
  public Sentiment score(String text) {
    if (text == null || text.isBlank()) {
      return Sentiment.NONE;
    }
    Map<String, Double> lex = Lexicon.WORDS;
    List<String> words = tokens(text);
    boolean capDiff = capDifferential(words);
    double[] sentiments = new double[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String lower = words.get(i).toLowerCase(Locale.ROOT);
      if (Rules.BOOSTERS.containsKey(lower)) {
        continue;
      }
      if (i < words.size() - 1 && lower.equals("kind") && words.get(i + 1).equalsIgnoreCase("of")) {
        continue;
      }
      sentiments[i] = Rules.valence(lex, words, i, capDiff);
    }
    Rules.butCheck(words, sentiments);
    return scoreValence(sentiments, text);
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String token : text.trim().split("\\s+")) {
      String stripped = stripPunctuation(token);
      out.add(stripped.length() <= 2 ? token : stripped);
    }
    return out;
  }

  private static String stripPunctuation(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && isPunct(token.charAt(start))) {
      start++;
    }
    while (end > start && isPunct(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }

  private static boolean isPunct(char c) {
    return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
  }

  /** Python's str.isupper(): at least one cased character and no lower-case one. */
  static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        cased = true;
      }
    }
    return cased;
  }

  private static boolean capDifferential(List<String> words) {
    long caps = words.stream().filter(VaderScorer::isUpper).count();
    long diff = words.size() - caps;
    return diff > 0 && diff < words.size();
  }

  private static Sentiment scoreValence(double[] sentiments, String text) {
    if (sentiments.length == 0) {
      return Sentiment.NONE;
    }
    double sum = 0;
    for (double s : sentiments) {
      sum += s;
    }
    double amplifier = punctuationEmphasis(text);
    if (sum > 0) {
      sum += amplifier;
    } else if (sum < 0) {
      sum -= amplifier;
    }
    double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
    double pos = 0;
    double neg = 0;
    int neu = 0;
    for (double s : sentiments) {
      if (s > 0) {
        pos += s + 1;
      } else if (s < 0) {
        neg += s - 1;
      } else {
        neu++;
      }
    }
    if (pos > Math.abs(neg)) {
      pos += amplifier;
    } else if (pos < Math.abs(neg)) {
      neg -= amplifier;
    }
    double total = pos + Math.abs(neg) + neu;
    return new Sentiment(round(Math.abs(pos / total)), round(Math.abs(neg / total)), round(Math.abs(neu / total)),
        Math.round(compound * 10000) / 10000.0);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double punctuationEmphasis(String text) {
    long bangs = Math.min(4, text.chars().filter(c -> c == '!').count());
    long questions = text.chars().filter(c -> c == '?').count();
    double q = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
    return bangs * 0.292 + q;
  }

  private static Map<String, Double> load() {
    Map<String, Double> words = new HashMap<>(16_000);
    try (InputStream in = VaderScorer.class.getResourceAsStream("vader_lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("vader_lexicon.txt is missing from the lake-sentiment jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length >= 2 && !f[0].isEmpty()) {
          words.put(f[0].toLowerCase(Locale.ROOT), Double.parseDouble(f[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(words);
  }

  @Override
  public String toString() {
    return "VaderScorer(" + lexiconSize() + " lexicon entries)";
  }
}
