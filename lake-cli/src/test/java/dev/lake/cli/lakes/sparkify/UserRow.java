package dev.lake.cli.lakes.sparkify;

import dev.lake.Column;

/**
 * A row of the {@code users} dimension: the user as of their latest song play.
 *
 * <pre>{@code
 * UserRow row = UserRow.of(latestEvent);   // row.level() is the level of that event
 * }</pre>
 */
public record UserRow(
    @Column("user_id") long userId,
    @Column("first_name") String firstName,
    @Column("last_name") String lastName,
    String gender,
    String level) {

  public static UserRow of(LogEvent e) {
    return new UserRow(Songplay.userId(e), e.firstName(), e.lastName(), e.gender(), e.level());
  }
}
