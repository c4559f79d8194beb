package dev.lake.examples.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.StepReport;
import dev.lake.examples.Duck;
import dev.lake.examples.Printed;
import dev.lake.examples.replay.RecordedResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tweets example on the bundled raw pages, checked with DuckDB against facts read from the JSON with Jackson. */
class TweetsTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static final Path PAGES = DATA.resolve("twitter_v2/tweets");

  @TempDir
  Path lake;

  @TempDir
  Path data;

  private String tweets() {
    return Duck.parquet(lake.resolve("processed/tweets"));
  }

  private Set<String> parquetFiles() throws Exception {
    try (Stream<Path> files = Files.walk(lake.resolve("processed/tweets"))) {
      return files.map(Path::toString).filter(f -> f.endsWith(".parquet")).collect(Collectors.toSet());
    }
  }

  @Test
  void tweets_bundledData_writesEveryTweetOnceByDay() throws Exception {
    String out = Printed.byExample("tweets", "--lake", lake.toString(), "--data", DATA.toString());

    TweetFacts facts = TweetFacts.of(PAGES);
    assertThat(facts.textById()).hasSizeGreaterThan(300);
    try (Stream<Path> pages = Files.list(PAGES)) {
      assertThat(out).contains(pages.count() + " new raw files read");
    }
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + tweets())).isEqualTo((long) facts.textById().size());
      assertThat(duck.one("SELECT count(DISTINCT tweet_id) FROM " + tweets())).isEqualTo((long) facts.textById().size());
      Map<String, Long> perDay = new HashMap<>();
      for (List<Object> r : duck.query("SELECT CAST(date AS VARCHAR), count(*) FROM " + tweets() + " GROUP BY 1")) {
        perDay.put((String) r.get(0), (Long) r.get(1));
      }
      assertThat(perDay).isEqualTo(facts.perDay());
      for (List<Object> r : duck.query("SELECT tweet_id, text FROM " + tweets())) {
        assertThat(r.get(1)).as("text of %s", r.get(0)).isEqualTo(facts.textById().get((String) r.get(0)));
      }
    }
  }

  @Test
  void tweets_secondRunWithoutNewFiles_readsNothingAndWritesNothing() throws Exception {
    Printed.byExample("tweets", "--lake", lake.toString(), "--data", DATA.toString());
    Set<String> before = parquetFiles();

    PipelineResult again = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", PAGES.toUri()).incremental(),
        Lake.at(lake.toString())).run();

    assertThat(again.splits()).isZero();
    assertThat(again.rowsRead()).isZero();
    assertThat(again.rowsWritten()).isZero();
    assertThat(parquetFiles()).isEqualTo(before);
    String out = Printed.byExample("tweets", "--lake", lake.toString(), "--data", DATA.toString());
    assertThat(out).contains("0 new raw files read, 0 rows written");
  }

  @Test
  void tweets_fileAdded_readsOnlyThatFile() throws Exception {
    Path folder = data.resolve("twitter_v2/tweets");
    TweetFacts.copy(PAGES, folder, "brexit_page0.json.gz", "test_client_search_recent_tweets_0.json");
    Printed.byExample("tweets", "--lake", lake.toString(), "--data", data.toString());
    long first = TweetFacts.of(folder).textById().size();

    TweetFacts.copy(PAGES, folder, "noflat_page0.json.gz");
    PipelineResult second = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", folder.toUri()).incremental(),
        Lake.at(lake.toString())).run();

    long all = TweetFacts.of(folder).textById().size();
    assertThat(second.splits()).isEqualTo(1);
    assertThat(second.rowsRead()).isEqualTo(1);
    assertThat(second.rowsWritten()).isEqualTo(all - first);
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + tweets())).isEqualTo(all);
      assertThat(duck.one("SELECT count(DISTINCT source_file) FROM " + tweets())).isEqualTo(3L);
    }
  }

  @Test
  void tweets_newFileOfStoredTweets_addsNoneReadingOnlyTheIndexOfItsDays() throws Exception {
    Path folder = data.resolve("twitter_v2/tweets");
    TweetFacts.copy(PAGES, folder, "brexit_page0.json.gz", "test_client_search_recent_tweets_0.json");
    Printed.byExample("tweets", "--lake", lake.toString(), "--data", data.toString());
    TweetFacts facts = TweetFacts.of(folder);
    Path brexitOnly = data.resolve("brexit");
    TweetFacts.copy(PAGES, brexitOnly, "brexit_page0.json.gz");
    Set<String> brexitDays = TweetFacts.of(brexitOnly).perDay().keySet();
    // the same tweets in a new raw file (a split no run has read); meanwhile every data file of processed/tweets and
    // the index files of the other days are made unreadable: a run that read them fails
    Files.copy(folder.resolve("brexit_page0.json.gz"), folder.resolve("brexit_again_page0.json.gz"));
    Set<Path> unreadable = new HashSet<>();
    parquetFiles().forEach(f -> unreadable.add(Path.of(f)));
    try (Stream<Path> index = Files.walk(lake.resolve("processed/tweet_ids"))) {
      index.filter(f -> f.toString().endsWith(".parquet"))
          .filter(f -> brexitDays.stream().noneMatch(day -> f.toString().contains("/date=" + day + "/")))
          .forEach(unreadable::add);
    }
    assertThat(unreadable).anyMatch(f -> f.toString().contains("/tweet_ids/"));
    Map<Path, byte[]> kept = new HashMap<>();
    for (Path f : unreadable) {
      kept.put(f, Files.readAllBytes(f));
      Files.writeString(f, "not parquet: this run must not read it");
    }

    PipelineResult again;
    String printed;
    try {
      again = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", folder.toUri()).incremental(),
          Lake.at(lake.toString())).run();
      printed = Printed.byExample("tweets", "--lake", lake.toString(), "--data", data.toString());
    } finally {
      for (Map.Entry<Path, byte[]> e : kept.entrySet()) {
        Files.write(e.getKey(), e.getValue());
      }
    }

    assertThat(again.splits()).isEqualTo(1);
    assertThat(again.rowsRead()).isEqualTo(1);
    assertThat(again.rowsWritten()).isZero();
    assertThat(again.rowsRejected()).as("rejected: %s", again.badRows()).isZero(); // a failed lookup rejects its row
    StepReport lookup = again.steps().stream().filter(st -> st.name().equals("not-yet-stored"))
        .findFirst().orElseThrow();
    assertThat(lookup.in()).isEqualTo(TweetFacts.of(brexitOnly).textById().size()); // every tweet found stored
    assertThat(lookup.out()).isZero();
    facts.perDay().forEach((day, n) -> assertThat(printed).containsPattern("(?m)^\\s*" + day + "\\s+" + n + "$"));
    long stored = facts.textById().size();
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + tweets())).isEqualTo(stored);
      assertThat(duck.one("SELECT count(DISTINCT tweet_id) FROM " + tweets())).isEqualTo(stored);
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/tweet_ids"))))
          .isEqualTo(stored);
    }
  }

  @Test
  void tweets_truncatedPage_rejectedWithFileAndReasonRestWritten() throws Exception {
    Path folder = data.resolve("twitter_v2/tweets");
    TweetFacts.copy(PAGES, folder, "brexit_page0.json.gz");
    TweetFacts good = TweetFacts.of(folder);
    String whole = Files.readString(PAGES.resolve("test_client_get_list_tweets_0.json"));
    Path cut = folder.resolve("cut_page.json");
    Files.writeString(cut, whole.substring(0, whole.length() / 2));

    String out = Printed.byExample("tweets", "--lake", lake.toString(), "--data", data.toString());

    assertThat(out).contains("1 rejected").contains("rejected " + cut.toUri());
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + tweets())).isEqualTo((long) good.textById().size());
    }
    List<org.apache.avro.generic.GenericRecord> rejected = Lake.at(lake.toString()).read("rejected/tweets").readAll();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("position").toString()).isEqualTo(cut.toUri().toString());
    assertThat(rejected.get(0).get("reason").toString()).containsIgnoringCase("json");
  }
}
