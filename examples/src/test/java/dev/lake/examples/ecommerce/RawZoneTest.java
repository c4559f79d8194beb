package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RawZone#land}: what it says it copied is what it copied; a second landing copies nothing and says so. */
class RawZoneTest {
  @TempDir
  Path data;

  @TempDir
  Path root;

  @Test
  void land_twice_countsTheCopiedFilesThenNoneAndThoseAlreadyThere() throws Exception {
    Path byDay = Files.createDirectories(data.resolve("online_retail/by-day"));
    for (String day : new String[] {"2010-12-01", "2010-12-02"}) {
      Files.copy(OnlineRetailTest.DATA.resolve("online_retail/by-day/" + day + ".csv.gz"),
          byDay.resolve(day + ".csv.gz"));
    }
    Lake lake = Lake.at(root.toString());

    RawZone.Landing first = RawZone.land(data.toUri(), lake);
    RawZone.Landing second = RawZone.land(data.toUri(), lake);

    assertThat(first.copied()).hasSize(2);
    assertThat(first.alreadyThere()).isEmpty();
    assertThat(second.copied()).isEmpty();
    assertThat(second.alreadyThere()).containsExactlyElementsOf(first.copied());
    assertThat(first.summary(lake.uri(RawZone.PREFIX))).isEqualTo("2 files landed in " + lake.uri(RawZone.PREFIX));
    assertThat(second.summary(lake.uri(RawZone.PREFIX))).isEqualTo("0 files landed in " + lake.uri(RawZone.PREFIX)
        + "; 2 already there with the same size, left as they were");
  }

  @Test
  void land_fileOfAnotherSizeThere_copiedAgain() throws Exception {
    Path byDay = Files.createDirectories(data.resolve("online_retail/by-day"));
    Files.copy(OnlineRetailTest.DATA.resolve("online_retail/by-day/2010-12-01.csv.gz"),
        byDay.resolve("2010-12-01.csv.gz"));
    Lake lake = Lake.at(root.toString());
    Files.createDirectories(root.resolve("raw/online_retail"));
    Files.writeString(root.resolve("raw/online_retail/2010-12-01.csv.gz"), "truncated");

    RawZone.Landing landing = RawZone.land(data.toUri(), lake);

    assertThat(landing.copied()).hasSize(1);
    assertThat(landing.alreadyThere()).isEmpty();
    assertThat(Files.readAllBytes(root.resolve("raw/online_retail/2010-12-01.csv.gz")))
        .isEqualTo(Files.readAllBytes(byDay.resolve("2010-12-01.csv.gz")));
  }
}
