package dev.lake.sentiment;

import dev.lake.exceptions.ValidationException;

/**
 * The sentiment of one text: the proportions of positive, negative and neutral content (summing to about 1) and a
 * compound score in [-1, 1].
 *
 * <pre>{@code
 * Sentiment s = VaderScorer.create().score("The match was GREAT!!!");
 * boolean positive = s.label() == Sentiment.Label.POSITIVE;   // true: compound 0.72
 * }</pre>
 *
 * @param positive the positive share, 0..1
 * @param negative the negative share, 0..1
 * @param neutral the neutral share, 0..1
 * @param compound the overall score, -1 (most negative) .. +1 (most positive)
 */
public record Sentiment(double positive, double negative, double neutral, double compound) {

  /** The usual reading of the compound score: at least 0.05 positive, at most -0.05 negative. */
  public enum Label { POSITIVE, NEUTRAL, NEGATIVE }

  /** No sentiment at all (an empty text). */
  public static final Sentiment NONE = new Sentiment(0, 0, 0, 0);

  public Sentiment {
    if (compound < -1 || compound > 1 || Double.isNaN(compound)) {
      throw new ValidationException("Invalid compound score: " + compound + " (expected -1..1)");
    }
  }

  /** POSITIVE, NEGATIVE or NEUTRAL by the compound score's thresholds of ±0.05. */
  public Label label() {
    return compound >= 0.05 ? Label.POSITIVE : compound <= -0.05 ? Label.NEGATIVE : Label.NEUTRAL;
  }
}
