package dev.lake.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies that are not one clean JSON document, made from a real API-Football response: pages joined in one capture,
 * one of them cut short, and a live body with a byte that is not UTF-8.
 */
class ResponseBodiesTest {
  static final String FIXTURES = HttpSourceTest.FIXTURES;
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir Path dir;

  static RawResponse captured(String body) {
    return new RawResponse("api-football", "fixtures", "/fixtures", 1, "GET", "file:///raw/fixtures.json", 200,
        Map.of(), body, Instant.parse("2021-01-01T00:00:00Z"));
  }

  @Test
  void jsonDocuments_twoPagesJoined_readsBoth() {
    List<JsonNode> pages = RestClient.jsonDocuments(captured(FIXTURES + "\n" + FIXTURES));

    assertThat(pages).hasSize(2).allSatisfy(p -> assertThat(p.path("response")).hasSize(20));
  }

  @Test
  void json_twoPagesJoined_refusesNamingCountAndCall() {
    assertThatThrownBy(() -> RestClient.json(captured(FIXTURES + FIXTURES)))
        .isInstanceOf(RestException.class)
        .hasMessage("The response to file:///raw/fixtures.json holds 2 JSON documents one after another (pages "
            + "joined in one capture, or JSON Lines): read every one with RestClient.jsonDocuments(response)");
  }

  @Test
  void jsonDocuments_secondPageCutShort_refusesNamingTheDocument() {
    assertThatThrownBy(() -> RestClient.jsonDocuments(captured(FIXTURES + "\n" + FIXTURES.substring(0, 500))))
        .isInstanceOf(RestException.class)
        .hasMessageStartingWith("Malformed JSON in document 2 of the response to file:///raw/fixtures.json: "
            + "Unexpected end-of-input")
        .hasMessageEndingWith("(the 1 document(s) before it are fine; the response is refused whole)");
  }

  @Test
  void jsonDocuments_emptyBody_refuses() {
    assertThatThrownBy(() -> RestClient.jsonDocuments(captured("")))
        .isInstanceOf(RestException.class)
        .hasMessage("The response to file:///raw/fixtures.json holds no JSON document (its body is empty)");
  }

  /** The fixtures body with byte 0xC3 then '(' before "Burnley": never UTF-8. */
  static byte[] withInvalidByte() {
    int at = FIXTURES.indexOf("Burnley");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(FIXTURES.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.write(0xC3);
    out.writeBytes(("(" + FIXTURES.substring(at)).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  PipelineResult capture(boolean replace) {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES)));
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("page", equalTo("bad"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(withInvalidByte())));
    RestClient client = RestClient.builder().connector("api-football").baseUri(server.baseUrl())
        .replaceMalformedInput(replace).build();
    Lake lake = Lake.at(dir.resolve("lake").toString());
    return Pipeline.from(HttpSource.live(client, List.of(RestRequest.get("fixtures", "/fixtures").param("page", "ok"),
            RestRequest.get("fixtures", "/fixtures").param("page", "bad"))))
        .named("fixtures-capture").to(lake.raw("api-football", "fixtures"))
        .onBadRows(BadRowPolicy.toRejectedZone()).withLake(lake).run();
  }

  @Test
  void run_liveBodyWithInvalidUtf8_rejectedNamingByteAndLine() {
    PipelineResult result = capture(false);

    assertThat(result.rowsWritten()).isEqualTo(1);
    assertThat(result.rowsIn()).isEqualTo(2);
    int at = FIXTURES.substring(0, FIXTURES.indexOf("Burnley")).getBytes(StandardCharsets.UTF_8).length + 1;
    assertThat(result.badRows()).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(server.baseUrl() + "/fixtures?page=bad");
      assertThat(bad.reason()).isEqualTo("The response to " + server.baseUrl() + "/fixtures?page=bad is not valid "
          + "text: invalid UTF-8 at byte " + at + " of line 1 (kept in the bad row with U+FFFD in its place; "
          + "RestClient.builder().replaceMalformedInput(true) reads such bodies)");
      assertThat(bad.value()).contains("\uFFFD(Burnley");
    });
  }

  @Test
  void run_liveBodyWithInvalidUtf8AndReplace_keptWithReplacementCharacter() {
    PipelineResult result = capture(true);

    assertThat(result.rowsWritten()).isEqualTo(2);
    assertThat(result.badRows()).isEmpty();
  }
}
