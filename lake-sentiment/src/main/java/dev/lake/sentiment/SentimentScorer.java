package dev.lake.sentiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the sentiment of texts. {@link VaderScorer} runs locally on the VADER lexicon; {@link ComprehendScorer} calls
 * Amazon Comprehend. Use either in a pipeline step.
 *
 * <pre>{@code
 * SentimentScorer scorer = VaderScorer.create();
 * pipeline.map("sentiment", text -> scorer.score(text).compound());   // a Pipeline<String> of tweet texts
 * }</pre>
 */
public interface SentimentScorer extends Serializable {

  /** The sentiment of one text. */
  Sentiment score(String text);

  /** The sentiments of many texts, in order; implementations that call a service batch them. */
  default List<Sentiment> scoreAll(List<String> texts) {
    List<Sentiment> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(score(t));
    }
    return out;
  }

  /**
   * What scoring needs from AWS: nothing for a local scorer. Attach it to the step that scores with
   * {@code step.needing(scorer::permissions)} so the pipeline's policy includes it.
   */
  default dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }
}
