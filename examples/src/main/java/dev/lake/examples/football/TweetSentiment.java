package dev.lake.examples.football;

import dev.lake.Column;
import dev.lake.examples.tweets.TweetRow;
import dev.lake.sentiment.Sentiment;
import java.time.Instant;

/**
 * A row of {@code processed/tweets_sentiment}: a tweet that names a team (through a {@link TeamCode} term), with its
 * VADER scores. A tweet naming two teams has two rows. Partitioned by {@code date}.
 *
 * <pre>{@code
 * TweetSentiment s = TweetSentiment.of(tweetRow, teamCode, VaderScorer.create().score(tweetRow.text()));
 * }</pre>
 *
 * @param matched the term that matched, e.g. {@code #MUFC} or {@code Arsenal}
 * @param compound VADER's normalised score, -1 (most negative) to 1
 * @param label positive (compound >= 0.05), negative (<= -0.05) or neutral
 */
public record TweetSentiment(
    @Column("tweet_id") String tweetId,
    @Column("team_id") long teamId,
    String team,
    String matched,
    @Column("created_at") Instant createdAt,
    String date,
    double compound,
    double positive,
    double neutral,
    double negative,
    String label,
    String text) {

  /** The row for {@code tweet} naming {@code team}. */
  public static TweetSentiment of(TweetRow tweet, TeamCode team, Sentiment s) {
    return new TweetSentiment(tweet.tweetId(), team.teamId(), team.name(), team.term(), tweet.createdAt(),
        tweet.date(), s.compound(), s.positive(), s.neutral(), s.negative(), s.label().name().toLowerCase(
            java.util.Locale.ROOT), tweet.text());
  }
}
