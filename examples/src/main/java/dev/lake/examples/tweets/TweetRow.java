package dev.lake.examples.tweets;

import dev.lake.Column;
import dev.lake.source.http.RawResponse;
import dev.lake.source.twitter.Tweet;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A row of {@code processed/tweets}, partitioned by {@code date} (UTC day of posting). When a page was fetched
 * without {@code tweet.fields=created_at}, the time comes from the tweet id itself (a Snowflake id holds its
 * millisecond timestamp in its upper bits) and {@code created_at_from_id} is true.
 *
 * <pre>{@code
 * RecentSearch.tweets(raw).stream().map(t -> TweetRow.of(raw, t)).toList();
 * }</pre>
 *
 * @param sourceFile the raw response (file or request) the tweet came from
 */
public record TweetRow(
    @Column("tweet_id") String tweetId,
    @Column("created_at") Instant createdAt,
    @Column("created_at_from_id") boolean createdAtFromId,
    String date,
    @Column("author_id") String authorId,
    String username,
    String lang,
    String text,
    @Column("retweet_count") Integer retweetCount,
    @Column("reply_count") Integer replyCount,
    @Column("like_count") Integer likeCount,
    @Column("quote_count") Integer quoteCount,
    String hashtags,
    @Column("source_file") String sourceFile) {

  /** Twitter's Snowflake epoch: 2010-11-04T01:42:54.657Z. */
  static final long TWITTER_EPOCH_MILLIS = 1288834974657L;

  /** The row of a parsed tweet from {@code raw}. */
  public static TweetRow of(RawResponse raw, Tweet t) {
    boolean fromId = t.createdAt() == null;
    Instant at = fromId ? fromSnowflake(t.id()) : t.createdAt();
    return new TweetRow(t.id(), at, fromId, at.atZone(ZoneOffset.UTC).toLocalDate().toString(), t.authorId(),
        t.author() == null ? null : t.author().username(), t.lang(), t.text(), t.retweetCount(), t.replyCount(),
        t.likeCount(), t.quoteCount(), t.hashtags() == null ? "" : String.join(" ", t.hashtags()), raw.request());
  }

  /** The time a Snowflake id was minted. */
  static Instant fromSnowflake(String id) {
    return Instant.ofEpochMilli((Long.parseLong(id) >>> 22) + TWITTER_EPOCH_MILLIS);
  }
}
