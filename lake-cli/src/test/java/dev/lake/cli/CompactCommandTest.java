package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code lake compact} on a copy of the Online Retail lake (13 months written by 2 workers: small files). */
class CompactCommandTest {
  private static final String ANSWER = "SELECT count(*) AS n, sum(quantity) AS units, sum(quantity * unit_price) "
      + "AS revenue, count(DISTINCT invoice_no) AS invoices, max(invoice_date) AS last FROM online_retail";

  private static Path copyOfEcommerce() throws Exception {
    Path copy = TestLakes.temp("lake-cli-compact-");
    TestLakes.copyTree(TestLakes.ecommerce(), copy);
    return copy;
  }

  @Test
  void compact_onlineRetail_oneFilePerMonthSameAnswerAndLsStopsPointingAtIt() throws Exception {
    Path root = copyOfEcommerce();
    DatasetVersion before = Lake.at(root.toString()).latest("online_retail").orElseThrow();
    String answerBefore = lake("query", "--lake", root.toString(), ANSWER).ok().out();
    String lsBefore = lake("ls", root.toString()).ok().out();

    String out = lake("compact", "online_retail", "--lake", root.toString()).ok().out();

    DatasetVersion after = Lake.at(root.toString()).latest("online_retail").orElseThrow();
    assertThat(before.files().size()).as("2 workers, 13 months").isGreaterThan(13);
    assertThat(after.files()).hasSize(13);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(out).contains("Compacted processed/online_retail (target 128 MB")
        .containsPattern("(?m)^year=2011/month=12\\s+\\d+\\s+")
        .contains("rewrote " + before.files().size() + " files")
        .contains("into 13 files (").contains("541,909 rows")
        .contains("v" + before.version() + " -> v" + after.version());
    assertThat(lake("query", "--lake", root.toString(), ANSWER).ok().out()).isEqualTo(answerBefore);
    assertThat(LsCommandTest.line(lsBefore, " online_retail ")).contains("lake compact online_retail");
    assertThat(LsCommandTest.line(lake("ls", root.toString()).ok().out(), " online_retail "))
        .doesNotContain("lake compact").contains("13 files in 13 partitions: partition more coarsely");
    assertThat(lake("runs", "--lake", root.toString(), "--pipeline", "compact.processed.online_retail").ok().out())
        .contains("compact.processed.online_retail").contains("541,909");
  }

  @Test
  void compact_dryRunOnePartition_printsThePlanAndChangesNothing() throws Exception {
    Path root = copyOfEcommerce();
    DatasetVersion before = Lake.at(root.toString()).latest("online_retail").orElseThrow();
    long filesInDecember = before.files().stream()
        .filter(f -> "2010".equals(f.partition().get("year")) && "12".equals(f.partition().get("month"))).count();

    String out = lake("compact", "online_retail", "--lake", root.toString(), "--dry-run", "--target-size", "64MB",
        "-p", "year=2010", "--partition", "month=12").ok().out();

    assertThat(out).contains("Plan for processed/online_retail (target 64 MB")
        .containsPattern("(?m)^year=2010/month=12\\s+" + filesInDecember + "\\s+")
        .contains("would rewrite " + filesInDecember + " files").contains("Nothing was written (--dry-run)");
    assertThat(Lake.at(root.toString()).history("online_retail")).hasSize((int) before.version());
  }

  @Test
  void compact_mistakes_sayWhatToType() throws Exception {
    Path root = TestLakes.ecommerce();

    TestLakes.Result unknown = lake("compact", "online_retial", "--lake", root.toString());
    TestLakes.Result size = lake("compact", "online_retail", "--lake", root.toString(), "--target-size", "12XB");
    TestLakes.Result small = lake("compact", "online_retail", "--lake", root.toString(), "--target-size", "12");
    TestLakes.Result pair = lake("compact", "online_retail", "--lake", root.toString(), "--partition", "2011");
    TestLakes.Result column = lake("compact", "online_retail", "--lake", root.toString(), "-p", "day=1");

    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("No dataset 'online_retial'").contains("Did you mean 'online_retail'?");
    assertThat(size.status()).isEqualTo(2);
    assertThat(size.err()).contains("--target-size 12XB: expected a size such as 128MB");
    assertThat(small.err()).contains("--target-size 12: must be between 1KB and 1TB");
    assertThat(pair.err()).contains("--partition 2011: expected <column>=<value>, e.g. --partition year=2011");
    assertThat(column.status()).isEqualTo(2);
    assertThat(column.err()).contains("Cannot compact processed/online_retail where day=1: the dataset is "
        + "partitioned by [year, month]");
  }
}
