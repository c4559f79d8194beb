package dev.lake.source.football;

import java.time.LocalDate;

/**
 * A player's season with one team in one competition ({@code /players}, one row per statistics entry).
 *
 * <pre>{@code
 * // given: RawResponse raw
 * ApiFootball.players(raw).forEach(p -> System.out.println(p.name() + " " + p.goals()));
 * }</pre>
 *
 * @param playerId the player
 * @param name the short name
 * @param firstname the first name
 * @param lastname the last name
 * @param age the age
 * @param birthDate the date of birth, or null
 * @param nationality the nationality
 * @param injured whether injured
 * @param teamId the team
 * @param teamName the team's name
 * @param leagueId the competition
 * @param season the season
 * @param appearances matches played
 * @param minutes minutes played
 * @param goals goals scored
 * @param assists assists
 * @param rating the average rating as a number, or null
 */
public record PlayerSeason(long playerId, String name, String firstname, String lastname, Integer age,
    LocalDate birthDate, String nationality, Boolean injured, Long teamId, String teamName, Long leagueId,
    Integer season, Integer appearances, Integer minutes, Integer goals, Integer assists, Double rating) {}
