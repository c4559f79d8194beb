package dev.lake.examples.tweets;

import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.Destination;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.source.http.RawResponse;
import dev.lake.source.twitter.RecentSearch;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Every tweet of the pages {@code raw} holds, once each (what the table holds after reading them all): the pages
   * are read when the source is opened.
   */
  public static Source<TweetRow> tweetsOf(Source<RawResponse> raw) {
    return new DistinctTweets(raw);
  }

  /**
   * The tweets of a source of raw pages, in page order, each tweet id once. The pages are read once, when the id or
   * the rows are first needed; the id names the tweets' content, so new pages make a new input.
   */
  private static final class DistinctTweets implements Source<TweetRow> {
    private static final long serialVersionUID = 1L;

    private final Source<RawResponse> raw;
    private transient List<TweetRow> rows;

    DistinctTweets(Source<RawResponse> raw) {
      this.raw = raw;
    }

    private synchronized List<TweetRow> rows() {
      if (rows == null) {
        Map<String, TweetRow> tweets = new LinkedHashMap<>();
        for (RawResponse page : raw.readAll()) {
          try {
            RecentSearch.tweets(page).forEach(t -> tweets.putIfAbsent(t.id(), TweetRow.of(page, t)));
          } catch (RuntimeException notAPage) {
            // the tweets pipeline rejected this page with its reason (rejected zone, run report): not in the table
          }
        }
        rows = List.copyOf(tweets.values());
      }
      return rows;
    }

    @Override
    public String name() {
      return "tweets";
    }

    @Override
    public String id() {
      return "tweets-of:" + raw.id() + ":" + rows().size() + ":" + rows().hashCode();
    }

    @Override
    public SourceReader<TweetRow> open(SourceContext ctx) {
      return SourceReader.of(rows().iterator(), "tweets-of:" + raw.id());
    }

    @Override
    public IamPolicy permissions(IamScope scope) {
      return raw.permissions(scope);
    }
  }
}
