package dev.lake.examples.tweets;

import dev.lake.Lake;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * Which tweets {@code processed/tweets} holds, answered from its key index {@code processed/tweet_ids} (each stored
 * tweet's id and day, partitioned by day), which the tweets pipeline commits in the same commit as the tweets. A
 * tweet's day follows from the tweet itself, so a lookup reads only the index files of the days the new tweets fall
 * on: never the tweets' data files, never the other days. Memory follows the days a run touches, not the dataset.
 *
 * <pre>{@code
 * StoredTweets stored = new StoredTweets(lake);
 * boolean known = stored.contains(row);
 * }</pre>
 */
final class StoredTweets implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Lake lake;
  private transient Map<String, Set<String>> idsByDay;

  StoredTweets(Lake lake) {
    this.lake = lake;
  }

  /** True when {@code tweet} (by id) is committed already. */
  boolean contains(TweetRow tweet) {
    return idsOn(tweet.date()).contains(tweet.tweetId());
  }

  private synchronized Set<String> idsOn(String day) {
    if (idsByDay == null) {
      idsByDay = new HashMap<>();
    }
    return idsByDay.computeIfAbsent(day, this::read);
  }

  /** The stored ids of one day: the index files under {@code date=<day>/} only. */
  private Set<String> read(String day) {
    Set<String> ids = new HashSet<>();
    if (lake.latest(Tweets.INDEX).isEmpty()) {
      return ids;
    }
    String partition = "/date=" + day + "/";
    try {
      for (Source<GenericRecord> file : lake.read(Tweets.INDEX).split(SourceContext.standalone())) {
        if (file.id().contains(partition)) { // a split's id is the file's path, partition directories included
          // opened as it is: forEachRow would split it again, into every file of the dataset
          try (SourceReader<GenericRecord> rows = file.open(SourceContext.standalone())) {
            while (rows.hasNext()) {
              ids.add(rows.next().get("tweet_id").toString());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the stored tweet ids of " + day + " from " + Tweets.INDEX + ": "
          + e.getMessage(), e);
    }
    return ids;
  }
}
