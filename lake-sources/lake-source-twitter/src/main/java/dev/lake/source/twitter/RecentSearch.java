package dev.lake.source.twitter;

import dev.lake.exceptions.ValidationException;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Paging;
import dev.lake.source.http.Quota;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestClient;
import dev.lake.source.http.RestRequest;
import dev.lake.source.http.RetryPolicy;
import dev.lake.source.http.Secret;
import dev.lake.source.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Twitter (X) API v2 recent search ({@code GET /2/tweets/search/recent}): bearer-token auth, every page by
 * {@code next_token}, expansions and fields (authors and media by default), and a {@code since_id} cursor: each run
 * asks only for tweets newer than the last committed run's newest. A 429 waits for {@code x-rate-limit-reset}.
 * Immutable.
 *
 * <pre>{@code
 * RecentSearch search = RecentSearch.query("#football lang:en -is:retweet")
 *     .withBearerToken(Secret.fromEnv("TWITTER_BEARER_TOKEN")).maxResults(100);
 * Pipeline.from(search.source()).named("tweets").to(lake.raw("twitter", "tweets")).run();
 * Pipeline.from(HttpSource.replay(lake, "twitter", "tweets")).flatMap(RecentSearch::tweets)
 *     .to(lake.processed("tweets")).run();
 * }</pre>
 */
public final class RecentSearch {
  /** The default host. */
  public static final String BASE_URI = "https://api.twitter.com";
  /** The cursor this source keeps. */
  public static final String SINCE_ID = "since_id";
  /** Expansions asked for by default: the author and the attached media. */
  public static final String DEFAULT_EXPANSIONS = "author_id,attachments.media_keys,referenced_tweets.id";
  /** Tweet fields asked for by default. */
  public static final String DEFAULT_TWEET_FIELDS = "created_at,author_id,conversation_id,lang,public_metrics,"
      + "entities,referenced_tweets,in_reply_to_user_id,attachments";

  private final String query;
  private final Secret token;
  private final String baseUri;
  private final int maxResults;
  private final Instant startTime;
  private final Instant endTime;
  private final String sinceId;
  private final String expansions;
  private final String tweetFields;
  private final String userFields;
  private final String mediaFields;
  private final int maxPages;
  private final Quota quota;
  private final RetryPolicy retry;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;

  private RecentSearch(String query, Secret token, String baseUri, int maxResults, Instant startTime,
      Instant endTime, String sinceId, String expansions, String tweetFields, String userFields, String mediaFields,
      int maxPages, Quota quota, RetryPolicy retry, HttpClient http, Clock clock, Sleeper sleeper) {
    this.query = query;
    this.token = token;
    this.baseUri = baseUri;
    this.maxResults = maxResults;
    this.startTime = startTime;
    this.endTime = endTime;
    this.sinceId = sinceId;
    this.expansions = expansions;
    this.tweetFields = tweetFields;
    this.userFields = userFields;
    this.mediaFields = mediaFields;
    this.maxPages = maxPages;
    this.quota = quota;
    this.retry = retry;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A search for {@code query} (Twitter's query syntax, at most 512 characters). */
  public static RecentSearch query(String query) {
    ValidationException.check(query != null && !query.isBlank(), "A search query is required");
    ValidationException.check(query.length() <= 512, "The query has %s characters; recent search allows 512",
        query.length());
    return new RecentSearch(query, null, BASE_URI, 100, null, null, null, DEFAULT_EXPANSIONS, DEFAULT_TWEET_FIELDS,
        "username,name,verified,public_metrics,created_at", "type,url,preview_image_url,width,height", 10,
        Quota.builder().perWindow(450, Duration.ofMinutes(15)).windowRemainingHeader("x-rate-limit-remaining")
            .windowResetHeader("x-rate-limit-reset").build(),
        RetryPolicy.defaults(), null, Clock.systemUTC(), Sleeper.system());
  }

  private RecentSearch copy(Secret t, String b, int m, Instant s, Instant e, String since, String exp, String tf,
      int pages, Quota q, RetryPolicy r, HttpClient h, Clock c, Sleeper sl) {
    return new RecentSearch(query, t, b, m, s, e, since, exp, tf, userFields, mediaFields, pages, q, r, h, c, sl);
  }

  /** The app's bearer token, sent as {@code Authorization: Bearer ...}, never logged or stored. */
  public RecentSearch withBearerToken(Secret bearer) {
    return copy(bearer, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota,
        retry, http, clock, sleeper);
  }

  public RecentSearch withBaseUri(String uri) {
    return copy(token, uri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota, retry,
        http, clock, sleeper);
  }

  /** Tweets per page, 10-100. */
  public RecentSearch maxResults(int n) {
    ValidationException.check(n >= 10 && n <= 100, "Invalid max_results: %s (10-100)", n);
    return copy(token, baseUri, n, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota, retry,
        http, clock, sleeper);
  }

  /** Only tweets at or after {@code t} (recent search covers the last 7 days). */
  public RecentSearch startTime(Instant t) {
    return copy(token, baseUri, maxResults, t, endTime, sinceId, expansions, tweetFields, maxPages, quota, retry,
        http, clock, sleeper);
  }

  /** Only tweets before {@code t}. */
  public RecentSearch endTime(Instant t) {
    return copy(token, baseUri, maxResults, startTime, t, sinceId, expansions, tweetFields, maxPages, quota, retry,
        http, clock, sleeper);
  }

  /** Only tweets newer than {@code id}; by default the committed {@link #SINCE_ID} cursor is used. */
  public RecentSearch sinceId(String id) {
    ValidationException.check(id != null && id.chars().allMatch(Character::isDigit), "Invalid since_id: %s", id);
    return copy(token, baseUri, maxResults, startTime, endTime, id, expansions, tweetFields, maxPages, quota, retry,
        http, clock, sleeper);
  }

  /** Other expansions and tweet fields (comma-separated, as the API takes them). */
  public RecentSearch withFields(String expansionList, String tweetFieldList) {
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansionList, tweetFieldList, maxPages,
        quota, retry, http, clock, sleeper);
  }

  /** At most {@code pages} pages a run (default 10). */
  public RecentSearch maxPages(int pages) {
    ValidationException.check(pages >= 1, "Invalid maxPages: %s", pages);
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, pages, quota, retry,
        http, clock, sleeper);
  }

  public RecentSearch withQuota(Quota q) {
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, q, retry,
        http, clock, sleeper);
  }

  public RecentSearch withRetry(RetryPolicy r) {
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota, r,
        http, clock, sleeper);
  }

  /** A caller-owned HTTP client. */
  public RecentSearch withHttpClient(HttpClient h) {
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota,
        retry, h, clock, sleeper);
  }

  /** The clock and the way to wait (tests pass a fake clock whose sleeper advances it). */
  public RecentSearch withTiming(Clock c, Sleeper s) {
    return copy(token, baseUri, maxResults, startTime, endTime, sinceId, expansions, tweetFields, maxPages, quota,
        retry, http, c, s);
  }

  /** The first page's request, newer than {@code since} when given. */
  public RestRequest request(Optional<String> since) {
    String from = sinceId != null ? sinceId : since.orElse(null);
    return RestRequest.get("tweets", "/2/tweets/search/recent").param("query", query)
        .param("max_results", maxResults).param("since_id", from)
        .param("start_time", startTime == null ? null : startTime.truncatedTo(ChronoUnit.SECONDS))
        .param("end_time", endTime == null ? null : endTime.truncatedTo(ChronoUnit.SECONDS))
        .param("expansions", expansions).param("tweet.fields", tweetFields).param("user.fields", userFields)
        .param("media.fields", mediaFields)
        .paging(Paging.nextToken("next_token", "/meta/next_token").maxPages(maxPages));
  }

  /** The configured REST client. */
  public RestClient client() {
    ValidationException.check(token != null,
        "Recent search needs a bearer token: call withBearerToken(Secret.fromEnv(\"TWITTER_BEARER_TOKEN\"))");
    RestClient.Builder b = RestClient.builder().connector("twitter").baseUri(baseUri).quota(quota).retry(retry)
        .clock(clock).sleeper(sleeper).bearerToken(token);
    if (http != null) {
      b.httpClient(http);
    }
    return b.build();
  }

  /**
   * A live source of the search's pages, from the committed {@code since_id} on; proposes the newest id seen once
   * every page arrived.
   */
  public HttpSource source() {
    RestClient c = client();
    return HttpSource.live(c, cursor -> List.of(request(cursor.apply(SINCE_ID))))
        .withCursorMax(SINCE_ID, "/meta/newest_id");
  }

  /**
   * The tweets of a captured response, with their authors and media joined in: one page, or every page of a capture
   * that joined several (one JSON document after another, or one per line). A page of errors only fails; errors
   * beside a page's tweets and a {@code meta.result_count} that differs from them are counted as warnings in the run
   * report ({@code page errors}, {@code count mismatch}) and logged once per page, the tweets kept.
   */
  public static List<Tweet> tweets(RawResponse raw) {
    return TweetParser.parse(raw);
  }

  @Override
  public String toString() {
    return "RecentSearch(" + query + ", token " + token + ", " + baseUri + ")";
  }
}
