package dev.lake.examples.tweets;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.source.http.RawResponse;
import dev.lake.source.twitter.RecentSearch;
import dev.lake.transforms.Step;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The tweets use case: raw Twitter v2 search pages into {@code processed/tweets}, partitioned by day, appending only
 * what new raw files hold. Offline the raw zone is the bundled folder {@code twitter_v2/tweets/} of recorded
 * responses, read {@link dev.lake.examples.replay.RecordedResponses#incremental() incrementally}: a second run with
 * no new file reads nothing and writes nothing. A tweet already in the dataset (found again in a later page) is not
 * added twice.
 *
 * <pre>{@code
 * PipelineResult r = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", data.resolve("twitter_v2/tweets/"))
 *     .incremental(), lake).run();
 * }</pre>
 */
public final class Tweets {
  /** The processed dataset. */
  public static final String DATASET = "tweets";
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
    Set<String> stored = storedIds(lake);
    return from
        .flatMap("parse-page", (RawResponse page) -> RecentSearch.tweets(page).stream()
            .map(t -> TweetRow.of(page, t)).toList())
        .deduplicate(TweetRow::tweetId)
        // reads processed/tweets while the pipeline is built: declared, so that requiredPermissions() covers it
        .apply(Step.<TweetRow, TweetRow>of("not-yet-stored", (t, out) -> {
          if (!stored.contains(t.tweetId())) {
            out.accept(t);
          }
        }).needing(lake.read(DATASET)::permissions))
        .to(lake.processed(DATASET).partitionBy("date"))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** The ids already in {@code processed/tweets} (empty before the first run). */
  static Set<String> storedIds(Lake lake) {
    Set<String> ids = new HashSet<>();
    if (lake.latest(DATASET).isPresent()) {
      lake.read(DATASET, TweetRow.class).readAll().forEach(t -> ids.add(t.tweetId()));
    }
    return ids;
  }
}
