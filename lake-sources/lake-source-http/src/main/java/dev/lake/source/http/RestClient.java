package dev.lake.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.exceptions.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small REST client on {@code java.net.http}: base URI, secret headers or query parameters, a shared {@link Quota},
 * request timeouts, and retries with jittered backoff on 429, 5xx, resets, timeouts and malformed JSON bodies.
 * {@code Retry-After} (seconds or an HTTP date, 0 included) is honoured without spending the retry budget. Every
 * response comes back as a {@link RawResponse} with secrets redacted. Thread-safe.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *     .baseUri("https://v3.football.api-sports.io")
 *     .secretHeader("x-apisports-key", Secret.fromEnv("API_FOOTBALL_KEY"))
 *     .quota(Quota.builder().daily(100).perMinute(10).build())
 *     .requestTimeout(Duration.ofSeconds(20))
 *     .build();
 * RawResponse r = client.get(RestRequest.get("leagues", "/leagues").param("id", 39));
 * }</pre>
 */
public final class RestClient {
  private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REDACTED = "****";

  private final String connector;
  private final URI baseUri;
  private final HttpClient http;
  private final Map<String, String> headers;
  private final Map<String, Secret> secretHeaders;
  private final Map<String, Secret> secretParams;
  private final Quota quota;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final boolean expectJson;
  private final boolean replaceMalformed;

  private RestClient(Builder b) {
    this.connector = b.connector;
    this.baseUri = b.baseUri;
    this.http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.headers = Map.copyOf(b.headers);
    this.secretHeaders = Map.copyOf(b.secretHeaders);
    this.secretParams = Map.copyOf(b.secretParams);
    this.quota = b.quota;
    this.retry = b.retry;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = new Random(b.seed);
    this.expectJson = b.expectJson;
    this.replaceMalformed = b.replaceMalformed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The connector name used in errors and bad rows, e.g. {@code "api-football"}. */
  public String connector() {
    return connector;
  }

  public Quota quota() {
    return quota;
  }

  Clock clock() {
    return clock;
  }

  /** Fetches the first page of {@code request}. */
  public RawResponse get(RestRequest request) {
    return fetch(request, request.params(), 1);
  }

  /**
   * Parses a body holding one JSON document; a malformed body fails with its position, and a body holding several
   * documents (pages joined in one capture, JSON Lines) fails naming how many: read those with
   * {@link #jsonDocuments}.
   */
  public static JsonNode json(RawResponse response) {
    return JsonBodies.one(response);
  }

  /**
   * Every JSON document of a body, in order: one, several one after another, or one per line (JSON Lines). A
   * malformed document fails the whole body naming which document and where; an empty body fails too.
   *
   * <pre>{@code
   * for (JsonNode page : RestClient.jsonDocuments(raw)) { ... }
   * }</pre>
   */
  public static java.util.List<JsonNode> jsonDocuments(RawResponse response) {
    return JsonBodies.documents(response);
  }

  /** Fetches one page: quota, retries and redaction applied. */
  RawResponse fetch(RestRequest request, Map<String, String> pageParams, int page) {
    Map<String, String> query = new LinkedHashMap<>();
    pageParams.forEach((k, v) -> {
      if (!k.startsWith("\u0000")) {
        query.put(k, v);
      }
    });
    String shown = redactedUrl(request, query);
    int attempts = 0;
    int serverWaits = 0;
    String lastReason = "";
    Throwable lastCause = null;
    while (true) {
      waitForQuota();
      attempts++;
      Duration wait;
      boolean serverAsked = false;
      try {
        HttpResponse<byte[]> resp = http.send(build(request, query), HttpResponse.BodyHandlers.ofByteArray());
        RawResponse raw = raw(request, page, shown, resp);
        quota.update(raw.headers(), clock);
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
          String invalid = replaceMalformed ? null : JsonBodies.invalidText(resp.body(), raw.headers());
          if (invalid != null) {
            throw new MalformedResponseException(connector, shown, status, "The response to " + shown + " is not "
                + "valid text: " + invalid + " (kept in the bad row with U+FFFD in its place; "
                + "RestClient.builder().replaceMalformedInput(true) reads such bodies)", attempts, raw);
          }
          String malformed = expectJson ? malformed(raw.body()) : null;
          if (malformed == null) {
            LOG.debug("{} {} -> {}", connector, shown, status);
            return raw;
          }
          lastReason = "Malformed JSON body (" + malformed + ")";
          lastCause = null;
          if (attempts >= retry.maxAttempts()) {
            throw new MalformedResponseException(connector, shown, status,
                lastReason + " in the response to " + shown + " after " + attempts + " attempt(s)", attempts, raw);
          }
          wait = retry.backoff(attempts, random);
        } else if (status == 429 || status >= 500) {
          lastReason = "HTTP " + status;
          lastCause = null;
          Duration asked = serverWait(raw);
          if (asked != null && serverWaits < retry.maxServerWaits()) {
            if (asked.compareTo(retry.maxServerWait()) > 0) {
              throw new RestException(connector, shown, status, "The server asked to wait " + asked + " before "
                  + "retrying " + shown + ", longer than the " + retry.maxServerWait() + " allowed: run again later",
                  null, true, attempts);
            }
            serverWaits++;
            attempts--; // a wait the server asked for does not spend the retry budget
            serverAsked = true;
            wait = asked;
          } else if (attempts >= retry.maxAttempts()) {
            throw new RestException(connector, shown, status, shown + " failed with HTTP " + status + " after "
                + attempts + " attempt(s): " + excerpt(raw.body()), null, true, attempts);
          } else {
            wait = retry.backoff(attempts, random);
          }
        } else {
          throw new RestException(connector, shown, status, shown + " failed with HTTP " + status + ": "
              + excerpt(raw.body()) + (status == 401 || status == 403 ? " (check the API key or token)" : ""),
              null, false, attempts);
        }
      } catch (HttpTimeoutException e) {
        lastReason = "timed out after " + requestTimeout.toMillis() + " ms";
        lastCause = e;
        wait = retryOrFail(attempts, shown, lastReason, e);
      } catch (IOException e) {
        lastReason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        lastCause = e;
        wait = retryOrFail(attempts, shown, lastReason, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RestException(connector, shown, 0, "Interrupted while requesting " + shown, e, true, attempts);
      }
      LOG.info("{}: {} ({}), retrying in {} ms{}", connector, shown, lastReason, wait.toMillis(),
          serverAsked ? " as the server asked" : " (attempt " + attempts + " of " + retry.maxAttempts() + ")");
      pause(wait, shown, attempts, lastCause);
    }
  }

  private Duration retryOrFail(int attempts, String shown, String reason, Throwable cause) {
    if (attempts >= retry.maxAttempts()) {
      throw new RestException(connector, shown, 0, shown + " failed after " + attempts + " attempt(s): " + reason,
          cause, true, attempts);
    }
    return retry.backoff(attempts, random);
  }

  private void waitForQuota() {
    for (int i = 0; i < 1000; i++) {
      Duration wait = quota.acquire(clock);
      if (wait.isZero() || wait.isNegative()) {
        return;
      }
      if (wait.compareTo(retry.maxServerWait()) > 0) {
        throw new QuotaExhaustedException("The rate-limit window is closed for " + wait + ", longer than the "
            + retry.maxServerWait() + " a run may wait: the run stops here and resumes from its saved cursor");
      }
      LOG.info("{}: rate limit reached, waiting {} ms", connector, wait.toMillis());
      pause(wait, "quota", 0, null);
    }
  }

  private void pause(Duration d, String shown, int attempts, Throwable cause) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RestException(connector, shown, 0, "Interrupted while waiting to retry " + shown, cause, true,
          attempts);
    }
  }

  private HttpRequest build(RestRequest request, Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>(query);
    secretParams.forEach((k, s) -> q.put(k, s.reveal()));
    URI uri = URI.create(baseUri.toString().replaceAll("/$", "") + request.pathAndQuery(q));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
    headers.forEach(b::header);
    secretHeaders.forEach((k, s) -> b.header(k, s.reveal()));
    return b.build();
  }

  private String redactedUrl(RestRequest request, Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>(query);
    secretParams.keySet().forEach(k -> q.put(k, REDACTED));
    return baseUri.toString().replaceAll("/$", "") + request.pathAndQuery(q);
  }

  private RawResponse raw(RestRequest request, int page, String shown, HttpResponse<byte[]> resp) {
    Map<String, String> h = new LinkedHashMap<>();
    resp.headers().map().forEach((name, values) -> {
      String n = name.toLowerCase(java.util.Locale.ROOT);
      if (!secretHeaders.containsKey(n) && !n.equals("authorization") && !n.equals("set-cookie")
          && !n.equals(":status")) {
        h.put(n, scrub(String.join(", ", values)));
      }
    });
    String body = scrub(new String(resp.body(), JsonBodies.charset(h)));
    return new RawResponse(connector, request.dataset(), request.key(), page, "GET", shown, resp.statusCode(), h,
        body, clock.instant());
  }

  /**
   * What resolving the secrets needs from AWS; a secret whose supplier did not declare it makes the policy list
   * {@code part} as undeclared.
   */
  dev.lake.iam.IamPolicy secretPermissions(String part, dev.lake.iam.IamScope scope) {
    dev.lake.iam.IamPolicy policy = dev.lake.iam.IamPolicy.empty();
    for (Map<String, Secret> m : java.util.List.of(secretHeaders, secretParams)) {
      for (Map.Entry<String, Secret> e : m.entrySet()) {
        dev.lake.iam.IamPolicy needs = e.getValue().needs(scope);
        policy = policy.and(needs != null ? needs : dev.lake.iam.IamPolicy.undeclared(part + " (secret '"
            + e.getKey() + "' from a supplier: declare its needs with Secret.needing(..))"));
      }
    }
    return policy;
  }

  /** Removes any secret value the server echoed back (some APIs echo their parameters). */
  private String scrub(String text) {
    String out = text;
    for (Map<String, Secret> m : java.util.List.of(secretHeaders, secretParams)) {
      for (Secret s : m.values()) {
        for (Secret x = s; x != null; x = x.inner()) {
          String v = x.reveal();
          if (v.length() >= 4) {
            out = out.replace(v, REDACTED);
          }
        }
      }
    }
    return out;
  }

  private Duration serverWait(RawResponse raw) {
    String after = raw.header("retry-after");
    if (after != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(after.trim())));
      } catch (NumberFormatException e) {
        try {
          var date = java.time.ZonedDateTime.parse(after.trim(),
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration d = Duration.between(clock.instant(), date.toInstant());
          return d.isNegative() ? Duration.ZERO : d;
        } catch (java.time.format.DateTimeParseException ignored) {
          return null;
        }
      }
    }
    String reset = raw.header("x-rate-limit-reset");
    if (raw.status() == 429 && reset != null) {
      try {
        Duration d = Duration.between(clock.instant(), java.time.Instant.ofEpochSecond(Long.parseLong(reset.trim())));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }

  private static String malformed(String body) {
    if (body.isBlank()) {
      return "empty body";
    }
    try (var parser = JSON.getFactory().createParser(body)) {
      while (parser.nextToken() != null) {
        // reads to the end: a truncated body fails here with its position
      }
      return null;
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      return e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  static String excerpt(String body) {
    String b = body.replaceAll("\\s+", " ").trim();
    return b.length() > 300 ? b.substring(0, 300) + "..." : b;
  }

  @Override
  public String toString() {
    return "RestClient(" + connector + " " + baseUri + ", secrets " + secretHeaders.keySet() + secretParams.keySet()
        + ", " + quota + ", " + retry + ")";
  }

  /**
   * Builds a {@link RestClient}; only {@code baseUri} is required.
   *
   * <pre>{@code
   * RestClient c = RestClient.builder().connector("twitter").baseUri("https://api.twitter.com")
   *     .secretHeader("Authorization", Secret.of(() -> "Bearer " + System.getenv("TWITTER_BEARER_TOKEN")))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private String connector = "http";
    private URI baseUri;
    private HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Secret> secretHeaders = new LinkedHashMap<>();
    private final Map<String, Secret> secretParams = new LinkedHashMap<>();
    private Quota quota = Quota.unlimited();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private long seed = System.nanoTime();
    private boolean expectJson = true;
    private boolean replaceMalformed;

    private Builder() {}

    public Builder connector(String name) {
      this.connector = name;
      return this;
    }

    public Builder baseUri(String uri) {
      ValidationException.check(uri != null && !uri.isBlank(), "RestClient needs a base URI: call "
          + "baseUri(\"https://...\")");
      try {
        return baseUri(new URI(uri.strip()));
      } catch (URISyntaxException e) { // shown without its query, which may hold an API key
        throw new ValidationException("The base URI '" + uri.strip().replaceFirst("\\?.*", "?…") + "' of RestClient "
            + "is not a URI: " + e.getReason() + " at index " + e.getIndex() + "; escape spaces and other reserved "
            + "characters as %XX, e.g. https://api.example.com/v1/my%20data");
      }
    }

    public Builder baseUri(URI uri) {
      this.baseUri = uri;
      return this;
    }

    /** A caller-owned client (never closed by Lake); by default one HTTP/1.1 client is created. */
    public Builder httpClient(HttpClient client) {
      this.http = client;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A header carrying a secret: sent, never logged, removed from captured responses. */
    public Builder secretHeader(String name, Secret secret) {
      secretHeaders.put(name.toLowerCase(java.util.Locale.ROOT), java.util.Objects.requireNonNull(secret, name));
      return this;
    }

    /** {@code Authorization: Bearer <token>}; the token is redacted like every secret. */
    public Builder bearerToken(Secret token) {
      secretHeaders.put("authorization", new Secret(token));
      return this;
    }

    /** A query parameter carrying a secret: sent, shown as {@code ****} in URLs, logs and the raw zone. */
    public Builder secretParam(String name, Secret secret) {
      secretParams.put(name, java.util.Objects.requireNonNull(secret, name));
      return this;
    }

    public Builder quota(Quota q) {
      this.quota = java.util.Objects.requireNonNull(q, "quota");
      return this;
    }

    public Builder retry(RetryPolicy policy) {
      this.retry = java.util.Objects.requireNonNull(policy, "retry");
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** The clock for quotas and reset headers (tests use a fake one). */
    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /** How to wait between attempts (tests use one that advances a fake clock). */
    public Builder sleeper(Sleeper s) {
      this.sleeper = s;
      return this;
    }

    /** The jitter's random seed, for reproducible tests. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Whether 2xx bodies must be complete JSON (default true); a malformed body is retried, then rejected. */
    public Builder expectJson(boolean json) {
      this.expectJson = json;
      return this;
    }

    /**
     * Whether a 2xx body with bytes that are not valid in its charset (UTF-8 unless {@code Content-Type} names
     * another) is read with U+FFFD in their place; by default (false) it is rejected, naming the byte and the line.
     */
    public Builder replaceMalformedInput(boolean replace) {
      this.replaceMalformed = replace;
      return this;
    }

    public RestClient build() {
      ValidationException.check(baseUri != null, "RestClient needs a base URI: call baseUri(\"https://...\")");
      ValidationException.check(requestTimeout != null && !requestTimeout.isNegative() && !requestTimeout.isZero(),
          "Invalid request timeout: %s", requestTimeout);
      return new RestClient(this);
    }
  }
}
