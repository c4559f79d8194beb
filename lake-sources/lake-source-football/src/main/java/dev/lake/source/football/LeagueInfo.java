package dev.lake.source.football;

import java.util.List;

/**
 * A competition from {@code /leagues}, with the seasons the API covers.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * LeagueInfo epl = ApiFootball.leagues(raw).get(0);   // 39, Premier League, League, England
 * }</pre>
 *
 * @param id the league id
 * @param name its name
 * @param type League or Cup
 * @param country the country
 * @param seasons the years of the seasons covered
 */
public record LeagueInfo(long id, String name, String type, String country, List<Integer> seasons) {}
