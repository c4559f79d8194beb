package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.it.check.Committed;
import dev.lake.it.check.Invariants;
import dev.lake.it.check.LakeViews;
import dev.lake.it.check.LocalLake;
import dev.lake.it.check.View;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control: one clean run over every file, with no fault, read back by the three readers, which must all find
 * every row once. If this fails, the readers (not the commit protocol) are wrong.
 */
class ReadersAgreeTest {
  @TempDir Path dir;

  @Test
  void cleanRunOverEverything_everyReader_seesEveryRowOnce() throws Exception {
    LocalLake lake = LocalLake.in(dir.resolve("lake"));
    LakeViews views = new LakeViews(lake);

    ChildRun.Outcome run = ChildRun.of(lake, "2010-12-01..2011-12-09").parallelism(2).start(dir).await();

    assertThat(run.exitCode()).as(run.output()).isZero();
    Committed committed = views.committed();
    Invariants.committedIsConsistent(committed);
    Invariants.holdsEverything(committed.view());
    for (View view : List.of(views.glob(), views.lakeReader())) {
      Invariants.everyDayCompleteAndOnce(view);
      Invariants.holdsEverything(view);
    }
    Invariants.globShowsExactlyCommitted(views.glob(), committed);
  }
}
