package dev.lake.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VaderScorerTest {
  final VaderScorer vader = VaderScorer.create();

  /** The examples of the VADER README with the reference implementation's compound scores. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VADER is smart, handsome, and funny.|0.8316",
      "VADER is smart, handsome, and funny!|0.8439",
      "VADER is very smart, handsome, and funny.|0.8545",
      "VADER is VERY SMART, handsome, and FUNNY.|0.9227",
      "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342",
      "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!|0.9469",
      "VADER is not smart, handsome, nor funny.|-0.7424",
      "The book was good.|0.4404",
      "At least it isn't a horrible book.|0.431",
      "The book was only kind of good.|0.3832",
      "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042",
      "Today SUX!|-0.5461",
      "Today only kinda sux! But I'll get by, lol|0.5249",
      "Make sure you :) or :D today!|0.8633",
      "Not bad at all|0.431"})
  void score_readmeExamples_matchTheReference(String text, double compound) {
    assertThat(vader.score(text).compound()).isCloseTo(compound, within(0.0011));
  }

  @Test
  void score_blank_isNone() {
    assertThat(vader.score("")).isEqualTo(Sentiment.NONE);
    assertThat(vader.score("  ").label()).isEqualTo(Sentiment.Label.NEUTRAL);
  }

  @Test
  void score_shares_sumToOneAndLabel() {
    Sentiment s = vader.score("The match was GREAT!!!");
    assertThat(s.positive() + s.negative() + s.neutral()).isCloseTo(1.0, within(0.002));
    assertThat(s.label()).isEqualTo(Sentiment.Label.POSITIVE);
    assertThat(VaderScorer.lexiconSize()).isGreaterThan(7000);
  }

  /** Pearson's r between the compound score and the human mean ratings of the ground-truth snippets. */
  @Test
  void correlation_withHumanRatings_printedAndSane() throws IOException {
    List<Double> allScores = new ArrayList<>();
    List<Double> allHuman = new ArrayList<>();
    StringBuilder report = new StringBuilder("VADER (Java port) vs human ratings, Pearson r:");
    for (String name : List.of("amazonReviewSnippets", "movieReviewSnippets", "nytEditorialSnippets")) {
      List<Double> scores = new ArrayList<>();
      List<Double> human = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
          getClass().getResourceAsStream("/sentiment/" + name + "_GroundTruth.txt.gz")), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] f = line.split("\t", 3);
          if (f.length == 3) {
            human.add(Double.parseDouble(f[1]));
            scores.add(vader.score(f[2]).compound());
          }
        }
      }
      double rr = pearson(scores, human);
      report.append(String.format(" %s %.4f (n=%d);", name, rr, scores.size()));
      assertThat(rr).as(name).isBetween(0.3, 1.0);
      allScores.addAll(scores);
      allHuman.addAll(human);
    }
    double all = pearson(allScores, allHuman);
    report.append(String.format(" all %.4f (n=%d)", all, allScores.size()));
    System.out.println(report);
    assertThat(all).isBetween(0.3, 1.0);
  }

  static double pearson(List<Double> x, List<Double> y) {
    int n = x.size();
    double mx = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x.get(i) - mx;
      double dy = y.get(i) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
