package dev.lake.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RestClientTest {
  static final String KEY = "s3cr3t-api-key-0123456789";
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();
  static final String LEAGUES = TestData.text("api_football/leagues_id39.json");
  static final String FIXTURES = TestData.text(
      "api_football/fixtures_league39_season2020_from2020-12-11_to2020-12-18_compact.json");

  FakeTime time;

  @BeforeEach
  void reset() {
    time = new FakeTime();
  }

  RestClient.Builder client() {
    return RestClient.builder().connector("api-football").baseUri(server.baseUrl())
        .secretHeader("x-apisports-key", Secret.ofValue(KEY))
        .retry(RetryPolicy.defaults().maxAttempts(3).baseDelay(Duration.ofMillis(100)))
        .clock(time).sleeper(time).seed(42).requestTimeout(Duration.ofSeconds(5));
  }

  static RestRequest leagues() {
    return RestRequest.get("leagues", "/leagues").param("id", 39);
  }

  void stubSequence(String path, ResponseDefinitionBuilder... responses) {
    String state = STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step" + (i + 1);
      server.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
          .willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void get_okResponse_keptVerbatimWithSecretsRedacted() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(LEAGUES)
        .withHeader("x-ratelimit-requests-remaining", "97").withHeader("x-apisports-key", KEY)));
    RestClient c = client().secretParam("api_token", Secret.ofValue("param-secret-987654")).build();

    RawResponse r = c.get(leagues());

    assertThat(r.body()).isEqualTo(LEAGUES);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.url()).isEqualTo(server.baseUrl() + "/leagues?id=39&api_token=****");
    assertThat(r.header("x-ratelimit-requests-remaining")).isEqualTo("97");
    assertThat(r.headers()).doesNotContainKey("x-apisports-key");
    assertThat(r.toString() + c + r.headers()).doesNotContain(KEY).doesNotContain("param-secret-987654");
    server.verify(getRequestedFor(urlPathEqualTo("/leagues")).withHeader("x-apisports-key", equalTo(KEY))
        .withQueryParam("api_token", equalTo("param-secret-987654")));
  }

  @Test
  void get_retryAfterZero_retriesWithoutSpendingTheBudget() {
    ResponseDefinitionBuilder tooMany = aResponse().withStatus(429).withHeader("Retry-After", "0");
    stubSequence("/leagues", tooMany, tooMany, tooMany, okJson(LEAGUES));
    RestClient c = client().retry(RetryPolicy.defaults().maxAttempts(1)).build();

    assertThat(c.get(leagues()).body()).isEqualTo(LEAGUES);
    assertThat(time.sleeps).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    server.verify(4, getRequestedFor(urlPathEqualTo("/leagues")));
  }

  @Test
  void get_retryAfterSecondsAndDate_honoured() {
    stubSequence("/leagues", aResponse().withStatus(429).withHeader("Retry-After", "7"),
        aResponse().withStatus(503).withHeader("Retry-After", "Sat, 19 Dec 2020 10:00:30 GMT"), okJson(LEAGUES));

    client().retry(RetryPolicy.defaults().maxAttempts(1)).build().get(leagues());

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(23));
  }

  @Test
  void get_rateLimitReset_waitsUntilTheReset() {
    long reset = time.instant().plusSeconds(90).getEpochSecond();
    stubSequence("/2/tweets/search/recent", aResponse().withStatus(429)
        .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset)),
        okJson("{\"data\":[]}"));

    client().build().get(RestRequest.get("tweets", "/2/tweets/search/recent").param("query", "x"));

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void get_serverErrorsThenOk_retriedWithJitteredBackoff() {
    stubSequence("/leagues", aResponse().withStatus(500), aResponse().withStatus(502), okJson(LEAGUES));

    assertThat(client().build().get(leagues()).ok()).isTrue();

    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(101));
    assertThat(time.sleeps.get(1)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(201));
  }

  @Test
  void get_serverErrorsPersist_failsNamingUrlStatusAndAttempts() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(aResponse().withStatus(500).withBody("oops")));

    assertThatThrownBy(() -> client().build().get(leagues()))
        .isInstanceOf(RestException.class)
        .hasMessage(server.baseUrl() + "/leagues?id=39 failed with HTTP 500 after 3 attempt(s): oops")
        .satisfies(e -> {
          assertThat(((RestException) e).retryable()).isTrue();
          assertThat(((RestException) e).attempts()).isEqualTo(3);
        });
    server.verify(3, getRequestedFor(urlPathEqualTo("/leagues")));
  }

  @Test
  void get_connectionResetThenOk_retried() {
    stubSequence("/leagues", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), okJson(LEAGUES));

    assertThat(client().build().get(leagues()).body()).isEqualTo(LEAGUES);
    server.verify(3, getRequestedFor(urlPathEqualTo("/leagues")));
  }

  @Test
  void get_slowServer_timesOutAndRetries() {
    stubSequence("/leagues", okJson(LEAGUES).withFixedDelay(600), okJson(LEAGUES));

    RawResponse r = client().requestTimeout(Duration.ofMillis(150)).build().get(leagues());

    assertThat(r.body()).isEqualTo(LEAGUES);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void get_alwaysSlow_failsWithTimeoutReason() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(LEAGUES).withFixedDelay(600)));
    RestClient c = client().requestTimeout(Duration.ofMillis(100))
        .retry(RetryPolicy.defaults().maxAttempts(2).baseDelay(Duration.ofMillis(1))).build();

    assertThatThrownBy(() -> c.get(leagues())).isInstanceOf(RestException.class)
        .hasMessage(server.baseUrl() + "/leagues?id=39 failed after 2 attempt(s): timed out after 100 ms");
  }

  @Test
  void get_truncatedJson_retriedThenRejectedWithPositionAndReason() {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES.substring(0, 700))));
    RestRequest fixtures = RestRequest.get("fixtures", "/fixtures").param("league", 39).param("season", 2020);

    assertThatThrownBy(() -> client().build().get(fixtures))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith("Malformed JSON body (Unexpected end-of-input")
        .hasMessageContaining("at line 1, column 701")
        .hasMessageEndingWith("in the response to " + server.baseUrl() + "/fixtures?league=39&season=2020 after 3 "
            + "attempt(s)")
        .satisfies(e -> assertThat(((MalformedResponseException) e).response().body()).hasSize(700));
  }

  @Test
  void get_truncatedOnceThenComplete_retried() {
    stubSequence("/fixtures", okJson(FIXTURES.substring(0, 700)), okJson(FIXTURES));

    assertThat(client().build().get(RestRequest.get("fixtures", "/fixtures")).body()).isEqualTo(FIXTURES);
  }

  @Test
  void get_clientError_notRetried() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(aResponse().withStatus(403)
        .withBody("{\"message\":\"You are not subscribed to this API.\"}")));

    assertThatThrownBy(() -> client().build().get(leagues())).isInstanceOf(RestException.class)
        .hasMessageContaining("failed with HTTP 403").hasMessageContaining("check the API key")
        .hasMessageNotContaining(KEY)
        .satisfies(e -> assertThat(((RestException) e).retryable()).isFalse());
    server.verify(1, getRequestedFor(urlPathEqualTo("/leagues")));
  }

  @Test
  void get_dailyBudgetSpent_throwsQuotaExhausted() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(LEAGUES)));
    RestClient c = client().quota(Quota.builder().daily(2).build()).build();

    c.get(leagues());
    c.get(leagues());

    assertThatThrownBy(() -> c.get(leagues())).isInstanceOf(QuotaExhaustedException.class)
        .hasMessageContaining("daily request budget is spent (2 a day)");
    server.verify(2, getRequestedFor(urlPathEqualTo("/leagues")));
  }

  @Test
  void get_remainingHeaderZero_stopsBeforeTheNextRequest() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(LEAGUES)
        .withHeader("x-ratelimit-requests-remaining", "0")));
    RestClient c = client().quota(Quota.builder().daily(100).build()).build();

    c.get(leagues());

    assertThat(c.quota().dailyRemaining()).isZero();
    assertThatThrownBy(() -> c.get(leagues())).isInstanceOf(QuotaExhaustedException.class);
  }

  @Test
  void get_perMinuteWindowFull_waitsForTheWindow() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(LEAGUES)));
    RestClient c = client().quota(Quota.builder().perMinute(2).build()).build();

    for (int i = 0; i < 3; i++) {
      c.get(leagues());
    }

    assertThat(time.sleeps).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void secret_toStringAndMissingEnv_neverShowValue() {
    assertThat(Secret.ofValue(KEY).toString()).isEqualTo("Secret(****)");
    assertThat(Secret.fromEnv("LAKE_TEST_UNSET_VARIABLE").toString()).isEqualTo("Secret(env:LAKE_TEST_UNSET_VARIABLE)");
    assertThatThrownBy(() -> Secret.fromEnv("LAKE_TEST_UNSET_VARIABLE").reveal())
        .hasMessageContaining("LAKE_TEST_UNSET_VARIABLE is not set");
  }

  @Test
  void build_withoutBaseUri_namesTheMissingCall() {
    assertThatThrownBy(() -> RestClient.builder().build()).hasMessageContaining("call baseUri(");
  }

  @Test
  void baseUri_notAUri_failsNamingTheValueWithoutItsQuery() {
    assertThatThrownBy(() -> RestClient.builder().baseUri("https://api.example.com/my data?key=secret"))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessage("The base URI 'https://api.example.com/my data?…' of RestClient is not a URI: Illegal character "
            + "in path at index 26; escape spaces and other reserved characters as %XX, e.g. "
            + "https://api.example.com/v1/my%20data")
        .hasNoCause();
  }

  @Test
  void paging_pageNumbersWithAParameterThatIsNotANumber_failsNamingTheParameterAndTheFix() {
    Paging p = Paging.pageNumbers("page", "/paging/current", "/paging/total");
    var noCurrent = RestClient.JSON.createObjectNode();
    noCurrent.putObject("paging").put("total", 3);

    assertThatThrownBy(() -> p.next(java.util.Map.of("page", "first"), noCurrent))
        .isInstanceOf(dev.lake.exceptions.ValidationException.class)
        .hasMessage("Paging by page numbers: the request's parameter 'page' is 'first', not a page number, and the "
            + "response has none either: start at a whole number, e.g. .param(\"page\", 1), or leave it out to "
            + "start at 1");
    assertThat(p.next(java.util.Map.of("page", "2"), noCurrent)).contains(java.util.Map.of("page", "3"));
  }

  @Test
  void paging_maxPages_stopsEarly() {
    Paging p = Paging.pageNumbers("page", "/paging/current", "/paging/total").maxPages(2);
    var body = RestClient.JSON.createObjectNode();
    body.putObject("paging").put("current", 1).put("total", 5);
    var next = p.next(java.util.Map.of(), body).orElseThrow();
    assertThat(next).containsEntry("page", "2");
    body.putObject("paging").put("current", 2).put("total", 5);
    assertThat(p.next(next, body)).isEmpty();
    assertThat(List.of(HttpReader.max("999", "1000"), HttpReader.max("b", "a"))).containsExactly("1000", "b");
  }
}
