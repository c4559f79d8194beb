package dev.lake.examples.tweets;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.source.http.RawResponse;
import dev.lake.source.twitter.RecentSearch;
import dev.lake.transforms.Step;
import dev.lake.Schemas;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The tweets use case: raw Twitter v2 search pages into {@code processed/tweets}, partitioned by day, appending only
 * what new raw files hold. Offline the raw zone is the bundled folder {@code twitter_v2/tweets/} of recorded
 * responses, read {@link dev.lake.examples.replay.RecordedResponses#incremental() incrementally}: a second run with
 * no new file reads nothing and writes nothing. A tweet already in the dataset (found again in a later page) is not
 * added twice: the pipeline also writes each tweet's id and day to the key index {@code processed/tweet_ids}, in the
 * same commit as the tweets, and looks new tweets up there, reading only the index files of their days
 * ({@link StoredTweets}), never the tweets.
 *
 * <pre>{@code
 * PipelineResult r = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", data.resolve("twitter_v2/tweets/"))
 *     .incremental(), lake).run();
 * }</pre>
 */
public final class Tweets {
  /** The processed dataset. */
  public static final String DATASET = "tweets";
  /** The key index: the id and day of every tweet in {@link #DATASET}, partitioned by day, committed with it. */
  public static final String INDEX = "tweet_ids";
  /** The pipeline's name, under which its cursors are kept. */
  public static final String PIPELINE = "tweets";

  private Tweets() {}

  /** The bundled raw zone of recorded search pages under a data folder (ending in '/'). */
  public static URI rawFolder(URI data) {
    return URI.create(data + "twitter_v2/tweets/");
  }

  /** Raw pages from {@code raw} into {@code processed/tweets}; pages that do not parse go to {@code rejected/}. */
  public static Pipeline<TweetRow> pipeline(Source<RawResponse> raw, Lake lake) {
    return pipeline(Pipeline.from(raw).named(PIPELINE), lake);
  }

  /** The same after the raw pages {@code from} yields (e.g. filtered to those a live capture just wrote). */
  public static Pipeline<TweetRow> pipeline(Pipeline<RawResponse> from, Lake lake) {
    StoredTweets stored = new StoredTweets(lake);
    return from
        .flatMap("parse-page", (RawResponse page) -> RecentSearch.tweets(page).stream()
            .map(t -> TweetRow.of(page, t)).toList())
        .deduplicate(TweetRow::tweetId)
        // reads the key index of the new tweets' days while running: declared, so requiredPermissions() covers it
        .apply(Step.<TweetRow, TweetRow>of("not-yet-stored", (t, out) -> {
          if (!stored.contains(t)) {
            out.accept(t);
          }
        }).needing(lake.read(INDEX)::permissions))
        .to(lake.processed(DATASET).partitionBy("date"))
        // the first sink's counts are the run's; both commit in one conditional write, so the index never lags
        .to(lake.processed(INDEX).withSchema(indexSchema()).partitionBy("date"))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** A tweet row's {@code tweet_id} and {@code date}: the index's rows (the sink writes a row's fields by name). */
  static Schema indexSchema() {
    Schema row = Schemas.of(TweetRow.class);
    List<Schema.Field> fields = Stream.of("tweet_id", "date")
        .map(name -> new Schema.Field(row.getField(name), row.getField(name).schema())).toList();
    return Schema.createRecord("TweetId", "A stored tweet's id and day", row.getNamespace(), false, fields);
  }
}
