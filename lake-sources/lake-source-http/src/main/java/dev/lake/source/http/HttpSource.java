package dev.lake.source.http;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A source of {@link RawResponse}s: live, from a {@link RestClient} following a {@link RequestPlan} (every page of
 * every request), or replayed from the raw zone without network or quota. Write the live rows verbatim with
 * {@code lake.raw(source, dataset)}; parse either kind with a {@code flatMap}.
 *
 * <p>Cursors: each request's {@link RestRequest#cursor cursors} (and the maxima tracked by {@link #withCursorMax}) are
 * proposed when its last page has arrived, and saved by the runner only after the run commits. After a request
 * fails, no later cursor is proposed. When the {@link Quota} is spent the source ends cleanly: the run commits what
 * arrived and the next run resumes after the last complete request.
 *
 * <pre>{@code
 * // given: RestClient client, RequestPlan plan
 * Pipeline.from(HttpSource.live(client, plan)).named("fixtures-capture")
 *     .to(lake.raw("api-football", "fixtures")).withLake(lake).run();
 * Pipeline.from(HttpSource.replay(lake, "api-football", "fixtures"))
 *     .flatMap("parse", ApiFootball::fixtures).to(lake.processed("fixtures")).run();
 * }</pre>
 */
public final class HttpSource implements Source<RawResponse> {
  private static final long serialVersionUID = 1L;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpSource.class);

  private final transient RestClient client;
  private final RequestPlan plan;
  private final List<RestRequest> planned;
  private final Map<String, String> maxCursors;
  /** When the plan was made: each poll is a split of its own. */
  private final String polledAt;

  private HttpSource(RestClient client, RequestPlan plan, List<RestRequest> planned, Map<String, String> maxCursors,
      String polledAt) {
    this.client = client;
    this.plan = plan;
    this.planned = planned;
    this.maxCursors = Map.copyOf(maxCursors);
    this.polledAt = polledAt;
  }

  /** A live source making the requests {@code plan} lists, through {@code client}. */
  public static HttpSource live(RestClient client, RequestPlan plan) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(plan, "plan");
    return new HttpSource(client, plan, null, Map.of(), null);
  }

  /** A live source making a fixed list of requests. */
  public static HttpSource live(RestClient client, List<RestRequest> requests) {
    return live(client, RequestPlan.of(requests));
  }

  /**
   * The committed raw responses of {@code raw/<source>/<dataset>}, read back from the lake: no network, no quota.
   */
  public static Source<RawResponse> replay(Lake lake, String source, String dataset) {
    Objects.requireNonNull(lake, "lake");
    return lake.read("raw/" + source + "/" + dataset, RawResponse.class);
  }

  /**
   * Also proposes cursor {@code key} as the greatest value found at {@code jsonPointer} over a request's pages
   * (numbers compared as numbers), e.g. Twitter's {@code since_id} from {@code /meta/newest_id}.
   */
  public HttpSource withCursorMax(String key, String jsonPointer) {
    Map<String, String> m = new LinkedHashMap<>(maxCursors);
    m.put(key, jsonPointer);
    return new HttpSource(client, plan, planned, m, polledAt);
  }

  @Override
  public String name() {
    return client == null ? "http" : client.connector();
  }

  /**
   * The poll: when it was planned, the planned requests and the cursors they start from. Every poll is a new split
   * (an API answers again with what it knows now, even with the same cursors), so the split ledger never skips a
   * poll; what keeps a re-run from repeating rows is the cursor, committed with the run's data.
   */
  @Override
  public String id() {
    List<RestRequest> reqs = planned != null ? planned : List.of();
    return "http:" + name() + ":" + (polledAt == null ? "unplanned" : polledAt) + ":" + reqs.stream()
        .map(r -> r.dataset() + r.key() + r.cursors()).collect(Collectors.joining("|"));
  }

  @Override
  public List<HttpSource> split(SourceContext ctx) {
    return List.of(plan(ctx));
  }

  private HttpSource plan(SourceContext ctx) {
    if (planned != null) {
      return this;
    }
    List<RestRequest> reqs = List.copyOf(plan.requests(ctx::cursor));
    String poll = client.clock().instant() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    return new HttpSource(client, plan, reqs, maxCursors, poll);
  }

  @Override
  public SourceReader<RawResponse> open(SourceContext ctx) throws IOException {
    ValidationException.check(client != null,
        "This HttpSource was serialized without its RestClient: build the source where it runs");
    return new HttpReader(client, plan(ctx).planned, maxCursors, ctx);
  }

  /**
   * Nothing from AWS for the requests themselves (they go to the API); secrets from suppliers add what they declare
   * with {@link Secret#needing}, and are listed as undeclared otherwise.
   */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return client == null ? dev.lake.iam.IamPolicy.undeclared("source http (serialized without its RestClient)")
        : client.secretPermissions("source " + name(), scope);
  }

  /** True: paging cursors and {@link #withCursorMax} maxima are saved with the run. */
  @Override
  public boolean proposesCursors() {
    return true;
  }

  @Override
  public String toString() {
    return "HttpSource(" + client + ", " + (planned == null ? "unplanned" : planned.size() + " requests") + ")";
  }


  static void warn(String message) {
    LOG.warn(message);
  }
}
