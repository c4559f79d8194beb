package dev.lake.source.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file holding the five bundled Twitter search pages (100 + 100 + 100 + 97 + 10 tweets), as pretty-printed
 * documents one after another, as JSON Lines, and with the fourth cut short: every document is read, or the rest of
 * the file is one bad row saying why.
 */
class JsonDocumentsTest {
  static final String[] PAGES = {"brexit_page0.json.gz", "media_policy_violation_off_page0.json.gz",
      "noflat_page0.json.gz", "test_client_get_list_tweets_0.json", "test_client_search_recent_tweets_0.json"};

  @TempDir Path dir;

  record Meta(long resultCount) {}

  record Page(Meta meta) {}

  static List<byte[]> pages() {
    List<byte[]> out = new ArrayList<>();
    for (String page : PAGES) {
      out.add(BundledData.gunzipOrRead(BundledData.DATA.resolve("twitter_v2/tweets/" + page)));
    }
    return out;
  }

  static byte[] concatenated(List<byte[]> documents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] d : documents) {
      out.writeBytes(d);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Each page on one line: its line breaks (outside strings, as in any JSON) turned into spaces. */
  static byte[] oneLine(byte[] document) {
    return new String(document, StandardCharsets.UTF_8).replace("\r", " ").replace("\n", " ").trim()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void open_concatenatedPrettyPrintedPages_readsEveryDocument() throws Exception {
    Path file = BundledData.write(dir.resolve("pages.json"), concatenated(pages()));
    Collecting ctx = new Collecting();

    List<Page> rows = ctx.read(JsonSource.of(Page.class).from(file.toString()));

    assertThat(rows).extracting(p -> p.meta().resultCount()).containsExactly(100L, 100L, 100L, 97L, 10L);
    assertThat(ctx.rejected).isEmpty();
  }

  @Test
  void open_pagesAsJsonLines_readsEveryLine() throws Exception {
    List<byte[]> lines = pages().stream().map(JsonDocumentsTest::oneLine).toList();
    Path file = BundledData.write(dir.resolve("pages.jsonl"), concatenated(lines));
    Collecting ctx = new Collecting();

    List<Page> rows = ctx.read(JsonSource.of(Page.class).from(file.toString()));

    assertThat(rows).extracting(p -> p.meta().resultCount()).containsExactly(100L, 100L, 100L, 97L, 10L);
    assertThat(ctx.positions).isEqualTo(BundledData.positions(file, 1, 5));
    assertThat(ctx.rejected).isEmpty();
  }

  @Test
  void open_fourthDocumentCutShort_readsThreeAndRejectsTheRestSayingWhy() throws Exception {
    List<byte[]> pages = new ArrayList<>(pages());
    byte[] fourth = pages.get(3);
    int cut = new String(fourth, StandardCharsets.ISO_8859_1).lastIndexOf('\n', fourth.length / 2);
    pages.set(3, java.util.Arrays.copyOf(fourth, cut));
    pages.remove(4);
    byte[] text = concatenated(pages);
    long fourthStarts = BundledData.lines(concatenated(pages.subList(0, 3))).size() + 1;
    Path file = BundledData.write(dir.resolve("pages.json"), text);
    Collecting ctx = new Collecting();

    List<Page> rows = ctx.read(JsonSource.of(Page.class).from(file.toString()));

    assertThat(rows).extracting(p -> p.meta().resultCount()).containsExactly(100L, 100L, 100L);
    assertThat(ctx.rejected).singleElement().satisfies(bad -> {
      assertThat(bad.position()).isEqualTo(file.toUri() + ":" + fourthStarts);
      assertThat(bad.reason()).startsWith("Malformed JSON at line ")
          .endsWith("; the rest of the file, from line " + fourthStarts + ", is not read (this bad row holds it)");
      assertThat(bad.value()).isEqualTo(new String(fourth, 0, cut, StandardCharsets.UTF_8) + "\n");
    });
  }
}
