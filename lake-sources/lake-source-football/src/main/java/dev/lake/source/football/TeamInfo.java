package dev.lake.source.football;

/**
 * A team and its venue, from {@code /teams}.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * TeamInfo united = ApiFootball.teams(raw).get(0);   // 33, Manchester United, MUN, Old Trafford
 * }</pre>
 *
 * @param id the team id
 * @param name its name
 * @param code the three-letter code, or null
 * @param country the country
 * @param founded the year founded, or null
 * @param national whether a national team
 * @param venueId the venue, or null
 * @param venueName the venue's name
 * @param venueCity the venue's city
 * @param venueCapacity the capacity, or null
 */
public record TeamInfo(long id, String name, String code, String country, Integer founded, Boolean national,
    Long venueId, String venueName, String venueCity, Integer venueCapacity) {}
