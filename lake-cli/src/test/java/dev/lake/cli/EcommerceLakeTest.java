package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Online Retail lake (541,909 rows, partitioned by year and month): one class, since it takes ~10 s to build. */
class EcommerceLakeTest {
  private final Path root = TestLakes.ecommerce();

  @Test
  void lsShowQuery_onlineRetail_agreeWithTheManifest() {
    DatasetVersion m = Lake.at(root.toString()).latest("online_retail").orElseThrow();

    String ls = lake("ls", root.toString()).ok().out();
    assertThat(LsCommandTest.line(ls, " online_retail ")).contains(" 13 ").contains(" 541,909 ")
        .contains(" " + m.files().size() + " ");

    String show = lake("show", "online_retail", "--lake", root.toString()).ok().out();
    assertThat(show).containsPattern("unit_price\\s+decimal\\(10,3\\)\\s+yes")
        .containsPattern("invoice_date\\s+local-timestamp-\\w+\\s+yes")
        .contains("Partitioned by year, month: 13 partitions")
        .contains("  month: 1, 2, 3, 4, 5, … (12 values)")
        .contains("Sample rows (5 of 541,909):");

    String query = lake("query", "--lake", root.toString(), "SELECT count(*) AS n, count(DISTINCT (year, month)) "
        + "AS months FROM online_retail").ok().out();
    assertThat(query).containsPattern("(?m)^\\s*541909\\s+13$");
  }
}
