package dev.lake.cli.lakes.sparkify;

import dev.lake.exceptions.SourceException;
import dev.lake.io.BadRow;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest song play of each user, found in one pass over the logs. Unreadable lines are skipped here: the
 * pipelines that read the same logs send them to the rejected zone.
 *
 * <pre>{@code
 * Map<String, LogEvent> latest = LatestPlays.byUser(Sparkify.eventFiles(data));
 * }</pre>
 */
final class LatestPlays {
  private LatestPlays() {}

  /** userId to that user's latest NextSong event (latest by ts, then session, then item). */
  static Map<String, LogEvent> byUser(Source<LogEvent> events) {
    Map<String, LogEvent> latest = new HashMap<>();
    SourceContext skipBadRows = new SourceContext() {
      @Override
      public void reject(BadRow row) {}

      @Override
      public Optional<String> cursor(String key) {
        return Optional.empty();
      }

      @Override
      public void proposeCursor(String key, String value) {}
    };
    try {
      for (Source<LogEvent> split : events.split(skipBadRows)) {
        try (SourceReader<LogEvent> reader = split.open(skipBadRows)) {
          while (reader.hasNext()) {
            LogEvent e = reader.next();
            if (e.isSongPlay()) {
              latest.merge(e.userId(), e, (a, b) -> b.isLaterThan(a) ? b : a);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new SourceException(events.name(), "Cannot read " + events.id() + ": " + e.getMessage(), e);
    }
    return latest;
  }
}
