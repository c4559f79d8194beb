package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code lake expire} on a copy of the Online Retail lake, compacted so that a version replaced files. */
class ExpireCommandTest {
  private static Path compactedCopy() throws Exception {
    Path copy = TestLakes.temp("lake-cli-expire-");
    TestLakes.copyTree(TestLakes.ecommerce(), copy);
    lake("compact", "online_retail", "--lake", copy.toString()).ok();
    return copy;
  }

  private static long retiredFiles(Path root) throws Exception {
    Path retired = root.resolve("_lake/retired/processed/online_retail");
    if (!Files.exists(retired)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(retired)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  @Test
  void expire_afterCompaction_deletesTheReplacedFilesOnceNoKeptVersionListsThem() throws Exception {
    Path root = compactedCopy();
    long versions = Lake.at(root.toString()).history("online_retail").size();
    long replaced = retiredFiles(root);
    String answer = lake("query", "--lake", root.toString(), "SELECT count(*) FROM online_retail").ok().out();

    String dry = lake("expire", "online_retail", "--lake", root.toString(), "--older-than", "0s", "--retain-last",
        "1", "--dry-run").ok().out();
    String out = lake("expire", "online_retail", "--lake", root.toString(), "--older-than", "0s", "--retain-last",
        "1").ok().out();

    assertThat(replaced).as("the compaction retired the small files").isPositive();
    assertThat(dry).contains("would expire").contains(replaced + " replaced files").contains("Nothing was deleted");
    assertThat(out).contains((versions - 1) + " of " + versions + " versions expired")
        .contains(replaced + " replaced files");
    assertThat(retiredFiles(root)).isZero();
    assertThat(Lake.at(root.toString()).history("online_retail")).hasSize(1);
    assertThat(lake("query", "--lake", root.toString(), "SELECT count(*) FROM online_retail").ok().out())
        .isEqualTo(answer);
  }

  @Test
  void expire_defaults_keepRecentVersions() throws Exception {
    Path root = compactedCopy();

    String out = lake("expire", "online_retail", "--lake", root.toString()).ok().out();

    assertThat(out).contains("no version expired");
    assertThat(retiredFiles(root)).isPositive();
  }

  @Test
  void expire_mistakes_sayWhatToType() throws Exception {
    Path root = TestLakes.ecommerce();

    TestLakes.Result age = lake("expire", "online_retail", "--lake", root.toString(), "--older-than", "soon");
    TestLakes.Result keep = lake("expire", "online_retail", "--lake", root.toString(), "--retain-last", "0");
    TestLakes.Result unknown = lake("expire", "online_retial", "--lake", root.toString());

    assertThat(age.status()).isEqualTo(2);
    assertThat(age.err()).contains("--older-than soon: expected an age such as 90m, 24h or 7d");
    assertThat(keep.err()).contains("--retain-last 0: keep at least 1 version");
    assertThat(unknown.err()).contains("Did you mean 'online_retail'?");
  }
}
