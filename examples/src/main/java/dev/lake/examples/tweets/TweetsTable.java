package dev.lake.examples.tweets;

import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.Destination;
import dev.lake.io.InMemorySource;
import dev.lake.io.Source;
import dev.lake.source.http.RawResponse;
import dev.lake.source.twitter.RecentSearch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tweets use case into a table that upserts by {@code tweet_id} (the Iceberg table {@code twitter.tweets} of
 * {@link dev.lake.examples.IcebergDestination}): a tweet found again in a later page replaces its row instead of
 * being added twice, so no lookup of the stored ids is needed. Raw pages are read incrementally as in
 * {@link Tweets}, under their own pipeline name (the Hive-style dataset's cursors are not this table's).
 *
 * <pre>{@code
 * TweetsTable.pipeline(RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(data)).incremental(), to).run();
 * }</pre>
 */
public final class TweetsTable {
  /** The pipeline's name, under which its cursors are kept. */
  public static final String PIPELINE = "tweets-table";

  private TweetsTable() {}

  /** Raw pages from {@code raw} into the dataset {@code tweets} of {@code to}, partitioned by day. */
  public static Pipeline<TweetRow> pipeline(Source<RawResponse> raw, Destination to) {
    return pipeline(Pipeline.from(raw).named(PIPELINE), to);
  }

  /**
   * The same after the raw pages {@code from} yields (e.g. the lake's raw zone, filtered to the pages a live capture
   * just wrote); {@code from} names the pipeline.
   */
  public static Pipeline<TweetRow> pipeline(Pipeline<RawResponse> from, Destination to) {
    return from
        .flatMap("parse-page", (RawResponse page) -> RecentSearch.tweets(page).stream()
            .map(t -> TweetRow.of(page, t)).toList())
        .deduplicate(TweetRow::tweetId)
        .to(to.<TweetRow>sink(Tweets.DATASET, WriteMode.APPEND, "date"))
        .withLake(to.lake())
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** Every tweet of the pages {@code raw} holds, once each (what the table holds after reading them all). */
  public static Source<TweetRow> tweetsOf(Source<RawResponse> raw) {
    Map<String, TweetRow> tweets = new LinkedHashMap<>();
    for (RawResponse page : raw.readAll()) {
      try {
        RecentSearch.tweets(page).forEach(t -> tweets.putIfAbsent(t.id(), TweetRow.of(page, t)));
      } catch (RuntimeException notAPage) {
        // the tweets pipeline rejected this page with its reason (rejected zone, run report): not in the table either
      }
    }
    return InMemorySource.of("tweets", java.util.List.copyOf(tweets.values()));
  }
}
