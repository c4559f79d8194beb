package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import dev.lake.examples.LakeExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecommerce --from-raw}: the files landed unchanged in the raw zone, then imported from there. */
class FromRawTest {
  @TempDir
  Path data;

  @TempDir
  Path lake;

  @Test
  void fromRaw_landsTheFilesUnchangedAndImportsThemOnceEvenWhenRunTwice() throws Exception {
    Path byDay = Files.createDirectories(data.resolve("online_retail/by-day"));
    for (String day : new String[] {"2010-12-01", "2010-12-02", "2011-06-01"}) {
      Files.copy(OnlineRetailTest.DATA.resolve("online_retail/by-day/" + day + ".csv.gz"),
          byDay.resolve(day + ".csv.gz"));
    }
    SourceFacts facts = SourceFacts.of(byDay);

    int first = LakeExamples.run("ecommerce", "--from-raw", "--lake", lake.toString(), "--data", data.toString());
    int second = LakeExamples.run("ecommerce", "--from-raw", "--lake", lake.toString(), "--data", data.toString());

    assertThat(first).isZero();
    assertThat(second).isZero();
    for (String day : new String[] {"2010-12-01", "2010-12-02", "2011-06-01"}) {
      assertThat(Files.readAllBytes(lake.resolve("raw/online_retail/" + day + ".csv.gz")))
          .isEqualTo(Files.readAllBytes(byDay.resolve(day + ".csv.gz")));
    }
    try (Duck duck = new Duck()) {
      String t = Duck.parquet(lake.resolve("processed/online_retail"));
      assertThat(duck.one("SELECT count(*) FROM " + t)).isEqualTo(facts.rows);
      assertThat(((Number) duck.one("SELECT sum(quantity) FROM " + t)).longValue()).isEqualTo(facts.quantity);
      assertThat(duck.one("SELECT count(*) FROM " + t + " WHERE month = 6")).isEqualTo(facts.rowsPerMonth.get("2011-6"));
    }
  }
}
