package dev.lake.sentiment;

import dev.lake.exceptions.LakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentItemResult;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentResponse;
import software.amazon.awssdk.services.comprehend.model.BatchItemError;
import software.amazon.awssdk.services.comprehend.model.SentimentScore;

/**
 * Sentiment from Amazon Comprehend's {@code BatchDetectSentiment}, 25 texts a call. The compound score is
 * {@code positive - negative}; Comprehend's "mixed" share is counted as neutral. Texts are cut to Comprehend's 5,000
 * bytes; blank texts score {@link Sentiment#NONE} without a call. The client is the caller's and is never closed here
 * (the AWS SDK is an optional dependency of this module: add {@code software.amazon.awssdk:comprehend}).
 *
 * <pre>{@code
 * // given: List<String> texts
 * import software.amazon.awssdk.services.comprehend.ComprehendClient;
 * try (ComprehendClient comprehend = ComprehendClient.create()) {
 *   List<Sentiment> s = ComprehendScorer.create(comprehend).withLanguage("en").scoreAll(texts);
 * }
 * }</pre>
 */
public final class ComprehendScorer implements SentimentScorer {
  private static final long serialVersionUID = 1L;
  /** Texts per BatchDetectSentiment call, Comprehend's maximum. */
  public static final int BATCH = 25;
  static final int MAX_BYTES = 5000;

  private final transient ComprehendClient client;
  private final String language;

  private ComprehendScorer(ComprehendClient client, String language) {
    this.client = client;
    this.language = language;
  }

  /** A scorer calling {@code client} (caller-owned), for English texts. */
  public static ComprehendScorer create(ComprehendClient client) {
    return new ComprehendScorer(Objects.requireNonNull(client, "client"), "en");
  }

  /** Another language code Comprehend supports (en, es, fr, de, it, pt, ar, hi, ja, ko, zh, zh-TW). */
  public ComprehendScorer withLanguage(String code) {
    return new ComprehendScorer(client, Objects.requireNonNull(code, "code"));
  }

  @Override
  public Sentiment score(String text) {
    return scoreAll(List.of(text == null ? "" : text)).get(0);
  }

  @Override
  public List<Sentiment> scoreAll(List<String> texts) {
    Sentiment[] out = new Sentiment[texts.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        out[i] = Sentiment.NONE;
      } else {
        pending.add(i);
      }
    }
    for (int from = 0; from < pending.size(); from += BATCH) {
      List<Integer> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
      List<String> textList = batch.stream().map(i -> cut(texts.get(i))).toList();
      BatchDetectSentimentResponse resp;
      try {
        resp = client.batchDetectSentiment(b -> b.textList(textList).languageCode(language));
      } catch (SdkException e) {
        throw new LakeException("Comprehend BatchDetectSentiment failed for texts " + batch.get(0) + ".."
            + batch.get(batch.size() - 1) + ": " + e.getMessage(), e, "comprehend", e.retryable(), 1);
      }
      for (BatchItemError err : resp.errorList()) {
        int index = batch.get(err.index());
        throw new LakeException("Comprehend could not score text " + index + ": " + err.errorCode() + " "
            + err.errorMessage(), null, "comprehend", false, 1);
      }
      for (BatchDetectSentimentItemResult r : resp.resultList()) {
        out[batch.get(r.index())] = of(r.sentimentScore());
      }
    }
    return List.of(out);
  }

  /** {@code comprehend:BatchDetectSentiment} on {@code *}: Comprehend's detect actions take no resource ARN. */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.of(dev.lake.iam.Permission.allow(List.of("comprehend:BatchDetectSentiment"), "*"));
  }

  static Sentiment of(SentimentScore s) {
    double pos = s.positive() == null ? 0 : s.positive();
    double neg = s.negative() == null ? 0 : s.negative();
    double neu = (s.neutral() == null ? 0 : s.neutral()) + (s.mixed() == null ? 0 : s.mixed());
    return new Sentiment(pos, neg, neu, Math.max(-1, Math.min(1, pos - neg)));
  }

  /** At most 5,000 UTF-8 bytes, cut at a character boundary. */
  static String cut(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (b.length <= MAX_BYTES) {
      return text;
    }
    int end = MAX_BYTES;
    while (end > 0 && (b[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ComprehendScorer(" + language + ")";
  }
}
