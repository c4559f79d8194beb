package dev.lake.examples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.tweets.Tweets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw folder as users leave it: copies of the bundled Twitter pages joined one per line in a {@code .jsonl} file,
 * a note beside them, a page with a byte that is not UTF-8. Every page is read, every other file is named.
 */
class RecordedResponsesTest {
  static final Path PAGES = Path.of("..", "data", "twitter_v2", "tweets").toAbsolutePath().normalize();
  static final List<String> GZ_PAGES = List.of("brexit_page0.json.gz", "media_policy_violation_off_page0.json.gz",
      "noflat_page0.json.gz");

  @TempDir
  Path lake;

  @TempDir
  Path raw;

  @TempDir
  Path single;

  @Test
  void split_pagesJoinedInJsonLines_everyTweetWrittenAndOtherFilesNamed() throws Exception {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (String page : GZ_PAGES) {
      joined.write(oneLine(gunzip(page)));
      joined.write('\n');
    }
    Files.write(raw.resolve("pages.jsonl"), joined.toByteArray());
    Files.writeString(raw.resolve("NOTES.txt"), "captured by hand\n");
    long expected = singleFilesRun();

    PipelineResult result = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", raw.toUri()),
        Lake.at(lake.resolve("joined").toString())).run();

    assertThat(result.rowsWritten()).isEqualTo(expected).isGreaterThan(200);
    assertThat(result.rowsRejected()).isZero();
    assertThat(result.warnings()).anySatisfy(w -> {
      assertThat(w.kind()).isEqualTo("file not read");
      assertThat(w.count()).isEqualTo(1);
      assertThat(w.examples().get(0)).contains("NOTES.txt").contains(".jsonl");
    });
  }

  @Test
  void open_invalidUtf8InAPage_pageRejectedNamingByteAndLineOthersWritten() throws Exception {
    byte[] page = Files.readAllBytes(PAGES.resolve("test_client_search_recent_tweets_0.json"));
    String text = new String(page, StandardCharsets.UTF_8);
    int at = text.indexOf("\"text\"") + 9;
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    int column = at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
    page[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
    Files.write(raw.resolve("bad_page.json"), page);
    Files.copy(PAGES.resolve("brexit_page0.json.gz"), raw.resolve("brexit_page0.json.gz"));

    PipelineResult result = Tweets.pipeline(RecordedResponses.of("twitter", "tweets", raw.toUri()),
        Lake.at(lake.toString())).run();

    assertThat(result.rowsIn()).isEqualTo(2);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(result.rowsWritten()).isGreaterThan(0);
    List<GenericRecord> rejected = Lake.at(lake.toString()).read("rejected/tweets").readAll();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("position").toString()).endsWith("bad_page.json");
    assertThat(rejected.get(0).get("reason").toString())
        .contains("invalid UTF-8 at byte " + column + " of line " + line);
  }

  /** The tweets written when each page is its own file: what the joined file must give. */
  private long singleFilesRun() throws IOException {
    for (String page : GZ_PAGES) {
      Files.copy(PAGES.resolve(page), single.resolve(page));
    }
    return Tweets.pipeline(RecordedResponses.of("twitter", "tweets", single.toUri()),
        Lake.at(lake.resolve("single").toString())).run().rowsWritten();
  }

  private static byte[] gunzip(String page) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(PAGES.resolve(page)))) {
      return in.readAllBytes();
    }
  }

  /** The page as one line: the pretty-printed JSON's line breaks are all between tokens. */
  private static byte[] oneLine(byte[] page) {
    String s = new String(page, StandardCharsets.UTF_8).replace("\r", "").replace("\n", " ");
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
