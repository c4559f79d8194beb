package dev.lake.examples.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import java.nio.file.Path;

/** The e-commerce checks for tests in other packages. */
public final class RetailAnswersTestAccess {
  private RetailAnswersTestAccess() {}

  /** Every row of the folder in the lake's Parquet, and every BI answer equal to the facts of the folder. */
  public static void assertAnswersFrom(Path byDay, RetailAnswers answers, Path lake) throws Exception {
    RetailFacts facts = RetailFacts.of(byDay);
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/online_retail"))))
          .isEqualTo((long) facts.lines.size());
    }
    RetailAnswersTest.assertAnswers(answers, facts, true);
  }
}
