package dev.lake.source.football;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.exceptions.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void fixtures_finishedWeek_typedWithScoreBreakdown() {
    List<Fixture> f = ApiFootball.fixtures(Responses.raw(
        "fixtures_league39_season2020_from2020-12-11_to2020-12-18.json", "/fixtures?league=39"));

    assertThat(f).hasSize(20);
    Fixture ars = f.stream().filter(x -> x.id() == 592251).findFirst().orElseThrow();
    assertThat(ars.date()).isEqualTo(Instant.parse("2020-12-13T19:15:00Z"));
    assertThat(ars.venue()).isEqualTo(new Fixture.Venue(494L, "Emirates Stadium", "London"));
    assertThat(ars.status()).isEqualTo(new Fixture.Status("FT", "Match Finished", 90));
    assertThat(ars.status().finished()).isTrue();
    assertThat(ars.league()).isEqualTo(new Fixture.League(39, "Premier League", "England", 2020,
        "Regular Season - 12"));
    assertThat(ars.home()).isEqualTo(new Fixture.Team(42, "Arsenal", false));
    assertThat(ars.away()).isEqualTo(new Fixture.Team(44, "Burnley", true));
    assertThat(ars.goals()).isEqualTo(new Fixture.Goals(0, 1));
    assertThat(ars.score().halftime()).isEqualTo(new Fixture.Goals(0, 0));
    assertThat(ars.score().penalty()).isEqualTo(new Fixture.Goals(null, null));
  }

  @Test
  void fixtures_compactAndPrettyCaptures_parseAlike() {
    assertThat(ApiFootball.fixtures(Responses.raw(
        "fixtures_league39_season2020_from2020-12-11_to2020-12-18_compact.json", "/fixtures")))
        .isEqualTo(ApiFootball.fixtures(Responses.raw(
            "fixtures_league39_season2020_from2020-12-11_to2020-12-18.json", "/fixtures")));
  }

  @Test
  void fixtures_upcomingAndPostponed_nullGoalsAndNoWinner() {
    List<Fixture> f = ApiFootball.fixtures(Responses.raw(
        "fixtures_league39_season2020_from2021-01-19_to2021-01-25.json", "/fixtures"));

    assertThat(f).hasSize(7).allSatisfy(x -> {
      assertThat(x.goals()).isEqualTo(new Fixture.Goals(null, null));
      assertThat(x.home().winner()).isNull();
      assertThat(x.status().finished()).isFalse();
    });
    assertThat(f).extracting(x -> x.status().code()).containsOnly("NS", "PST");
  }

  @Test
  void fixtures_penaltiesShootout_scoreByPeriod() {
    List<Fixture> f = ApiFootball.fixtures(Responses.raw("fixtures-cl-penalties.json.gz", "/fixtures"));

    Fixture pen = f.stream().filter(x -> "PEN".equals(x.status().code())).findFirst().orElseThrow();
    assertThat(pen.score().penalty().home()).isNotNull();
    assertThat(pen.score().extratime().home()).isNotNull();
    assertThat(ApiFootball.fixtures(Responses.raw("fixtures-bundes-ns-pst.json.gz", "/fixtures"))).isNotEmpty();
  }

  @Test
  void fixtures_resultsDifferFromResponse_takesTheResponse() {
    // The repo's author cut the response to 9 fixtures but left "results": 380.
    assertThat(ApiFootball.fixtures(Responses.raw(
        "fixtures_league39_season2020_TRUNCATED_by_repo_author.json", "/fixtures"))).hasSize(9);
  }

  @Test
  void fixtures_withEmbeddedEventsAndLineups_unknownFieldsTolerated() {
    List<Fixture> f = ApiFootball.fixtures(Responses.raw("fixtures_id157201.json.gz", "/fixtures?id=157201"));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.id()).isEqualTo(157201);
      assertThat(x.goals()).isEqualTo(new Fixture.Goals(4, 1));
    });
  }

  @Test
  void statistics_mixedValues_normalised() {
    List<TeamStatistics> s = ApiFootball.statistics(Responses.raw("fixtures_statistics_fixture592251.json",
        "/fixtures/statistics?fixture=592251"));

    assertThat(s).hasSize(2);
    TeamStatistics ars = s.get(0);
    assertThat(ars.fixtureId()).isEqualTo(592251);
    assertThat(ars.teamName()).isEqualTo("Arsenal");
    assertThat(ars.value("Ball Possession")).hasValue(0.64);
    assertThat(ars.values()).containsEntry("ball_possession", 0.64).containsEntry("passes_pct", 0.83)
        .containsEntry("shots_on_goal", 6.0).containsEntry("total_passes", 557.0);
    assertThat(s.get(1).value("Ball Possession")).hasValue(0.36);
  }

  @Test
  void statistics_nullsAndExpectedGoals_absentAndNumeric() throws Exception {
    String body = "{\"get\":\"fixtures/statistics\",\"parameters\":{\"fixture\":\"1\"},\"errors\":[],\"results\":1,"
        + "\"response\":[{\"team\":{\"id\":1,\"name\":\"A\"},\"statistics\":[{\"type\":\"Red Cards\",\"value\":null},"
        + "{\"type\":\"expected_goals\",\"value\":\"1.83\"},{\"type\":\"goals_prevented\",\"value\":0},"
        + "{\"type\":\"Extra\",\"value\":\"\"}],\"unknown\":{\"x\":1}}]}";
    new ObjectMapper().readTree(body);
    var raw = new dev.lake.source.http.RawResponse("api-football", "s", "/x", 1, "GET", "https://h/x", 200,
        java.util.Map.of(), body, Instant.EPOCH);

    TeamStatistics t = ApiFootball.statistics(raw).get(0);

    assertThat(t.values()).containsOnly(java.util.Map.entry("expected_goals", 1.83),
        java.util.Map.entry("goals_prevented", 0.0));
    assertThat(t.value("Red Cards")).isEmpty();
  }

  @Test
  void statistics_postponedMatch_resultsZeroIsEmpty() {
    assertThat(ApiFootball.statistics(Responses.raw("fixtures_statistics_fixture592314_postponed.json",
        "/fixtures/statistics?fixture=592314"))).isEmpty();
  }

  @Test
  void errors_objectInside200_namesTheParameter() {
    assertThatThrownBy(() -> ApiFootball.teams(Responses.raw("team-leipzig-error.json",
        "/teams?league=39&search=Leipzig")))
        .isInstanceOf(ApiFootballException.class)
        .hasMessage("API-Football rejected parameter 'league': The League field cannot be used with the Search "
            + "field. (request https://v3.football.api-sports.io/teams?league=39&search=Leipzig)");
    assertThatThrownBy(() -> ApiFootball.fixtures(Responses.raw("injuries-error.json", "/injuries")))
        .hasMessageStartingWith("API-Football rejected parameter 'required': At least one parameter is required.");
    assertThatThrownBy(() -> ApiFootball.fixtures(Responses.raw("venue-camp-nou-error.json", "/venues")))
        .isInstanceOf(ApiFootballException.class).hasMessageContaining("parameter '");
  }

  @Test
  void errors_arrayInside200_reported() {
    var raw = new dev.lake.source.http.RawResponse("api-football", "s", "/x", 1, "GET", "https://h/status", 200,
        java.util.Map.of(), "{\"get\":\"status\",\"errors\":[{\"requests\":\"You have reached the request limit for "
        + "the day\"}],\"results\":0,\"response\":[]}", Instant.EPOCH);
    assertThatThrownBy(() -> ApiFootball.fixtures(raw))
        .hasMessage("API-Football rejected parameter 'requests': You have reached the request limit for the day "
            + "(request https://h/status)");
  }

  @Test
  void dirtyCapture_consoleLinesAroundJson_rejectedWithPosition() {
    assertThatThrownBy(() -> ApiFootball.leagues(Responses.raw("raw_as_committed/premierLeagueId.json",
        "/leagues?id=39")))
        .isInstanceOf(ApiFootballException.class)
        .hasMessageStartingWith("Malformed JSON in the response to https://v3.football.api-sports.io/leagues?id=39")
        .hasMessageContaining("line 1, column 2");
  }

  @Test
  void otherEndpoints_realResponses_typed() {
    assertThat(ApiFootball.events(Responses.raw("fixture-events.json", "/fixtures/events?fixture=653808")))
        .hasSize(9).first().satisfies(e -> {
          assertThat(e.fixtureId()).isEqualTo(653808);
          assertThat(e.type()).isEqualTo("Card");
          assertThat(e.assistId()).isNull();
        });
    Lineup city = ApiFootball.lineups(Responses.raw("fixture-lineup-full.json", "/fixtures/lineups")).get(0);
    assertThat(city.formation()).isEqualTo("4-3-3");
    assertThat(city.startXI()).hasSize(11).first().isEqualTo(new Lineup.Player(617, "Ederson", 31, "G", "1:1"));
    List<Standing> table = ApiFootball.standings(Responses.raw("standings-epl-2022.json", "/standings"));
    assertThat(table).hasSize(20).first().satisfies(r -> {
      assertThat(r.teamName()).isEqualTo("Manchester City");
      assertThat(r.points()).isEqualTo(89);
      assertThat(r.goalsFor()).isEqualTo(94);
    });
    List<PlayerSeason> players = ApiFootball.players(Responses.raw("player-info-bundes-2022.json", "/players"));
    assertThat(players).isNotEmpty().first().satisfies(p -> {
      assertThat(p.name()).isEqualTo("A. Diallo");
      assertThat(p.birthDate()).isEqualTo(LocalDate.parse("1996-05-04"));
    });
    assertThat(ApiFootball.leagues(Responses.raw("leagues_id39.json", "/leagues")))
        .singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("Premier League"));
    assertThat(ApiFootball.teams(Responses.raw("team-manchester.json", "/teams"))).hasSize(16).first()
        .satisfies(t -> assertThat(t.venueName()).isEqualTo("Old Trafford"));
  }

  @Test
  void fixtureQuery_invalidCombinations_failBeforeIo() {
    assertThat(FixtureQuery.create().league(39).season(2020).from(LocalDate.parse("2020-12-11"))
        .to(LocalDate.parse("2020-12-18")).request().key())
        .isEqualTo("/fixtures?league=39&season=2020&from=2020-12-11&to=2020-12-18");
    assertThat(FixtureQuery.create().ids(1, 2, 3).request().key()).isEqualTo("/fixtures?ids=1-2-3");
    assertThat(FixtureQuery.create().league(39).last(5).request().key()).isEqualTo("/fixtures?league=39&last=5");
    assertThat(FixtureQuery.create().league(39).season(2020).round("Regular Season - 12").request().key())
        .isEqualTo("/fixtures?league=39&season=2020&round=Regular%20Season%20-%2012");
    assertThatThrownBy(() -> FixtureQuery.create().request()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("needs a filter");
    assertThatThrownBy(() -> FixtureQuery.create().league(39).from(LocalDate.EPOCH).request())
        .hasMessage("from(..) and to(..) go together");
    assertThatThrownBy(() -> FixtureQuery.create().ids(1).league(3).request()).hasMessageContaining("ids(..)");
    assertThatThrownBy(() -> FixtureQuery.create().season(20)).hasMessageContaining("Invalid season: 20");
  }
}
