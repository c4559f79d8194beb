package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.testing.InMemorySource;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lake iceberg} over a warehouse that three runs wrote into. */
class IcebergCommandTest {
  @TempDir
  Path dir;

  record Line(String day, int n) {}

  private String warehouse() {
    IcebergCatalog catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
    for (String day : List.of("2011-12-01", "2011-12-02", "2011-12-03")) {
      Pipeline.from(InMemorySource.of(day, IntStream.range(0, 20).mapToObj(n -> new Line(day, n)).toList()))
          .named("lines").to(catalog.<Line>table("shop.lines").partitionBy("n")).run();
    }
    return dir.resolve("iceberg").toString();
  }

  @Test
  void ls_snapshots_compact_expire_removeOrphans() {
    String w = warehouse();

    String ls = lake("iceberg", "ls", "--warehouse", w).ok().out();
    assertThat(ls).contains("shop.lines").contains("60").contains("snapshots");
    String snapshots = lake("iceberg", "snapshots", "shop.lines", "--warehouse", w).ok().out();
    assertThat(snapshots.lines().filter(l -> l.contains("append"))).hasSize(3);

    assertThat(lake("iceberg", "compact", "shop.lines", "--warehouse", w).ok().out())
        .contains("shop.lines: 60 small files compacted");
    assertThat(lake("iceberg", "expire", "shop.lines", "--warehouse", w, "--older-than", "0s", "--retain-last", "1")
        .ok().out()).contains("3 snapshots expired; their splits stay in the ledger");
    assertThat(lake("iceberg", "remove-orphans", "shop.lines", "--warehouse", w, "--older-than", "1h").ok().out())
        .contains("0 orphan files removed");
    assertThat(lake("iceberg", "ls", "--warehouse", w).ok().out()).contains("shop.lines").contains("60");
  }

  @Test
  void unknownTable_andMissingWarehouse_areOneLineErrorsWithTheFix() {
    String w = warehouse();
    TestLakes.Result unknown = lake("iceberg", "snapshots", "shop.line", "--warehouse", w);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("No Iceberg table shop.line; tables are [shop.lines]");
    TestLakes.Result missing = lake("iceberg", "ls", "--warehouse", dir.resolve("nowhere").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no catalog.db").contains("--warehouse <dir>");
    assertThat(lake("iceberg", "remove-orphans", "shop.lines", "--warehouse", w, "--older-than", "5m").err())
        .contains("at least 1h");
  }
}
