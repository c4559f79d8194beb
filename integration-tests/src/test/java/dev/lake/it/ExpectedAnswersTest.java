package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.it.check.DayStats;
import dev.lake.it.check.ExpectedAnswers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The answers every check compares with, computed from the CSV files by DuckDB alone, against the known totals. */
class ExpectedAnswersTest {

  @Test
  void csvFiles_readByDuckDb_giveTheKnownTotals() {
    ExpectedAnswers expected = ExpectedAnswers.get();
    DayStats total = ExpectedAnswers.total(expected.byDay().values());

    assertThat(expected.allDays()).hasSize(305).startsWith(LocalDate.parse("2010-12-01"))
        .endsWith(LocalDate.parse("2011-12-09"));
    assertThat(total.rows()).isEqualTo(541_909);
    assertThat(total.quantity()).isEqualTo(5_176_450);
    assertThat(total.revenue()).isEqualByComparingTo("9747747.934");
  }

  @Test
  void dayFiles_eachHoldsExactlyTheLinesOfItsDay() {
    assertThat(ExpectedAnswers.get().linesOnAnotherDay()).isZero();
  }

  @Test
  void december2010_holdsTheIssuesRowCount() {
    ExpectedAnswers expected = ExpectedAnswers.get();
    long december = expected.allDays().stream().filter(d -> d.getYear() == 2010)
        .mapToLong(d -> expected.day(d).rows()).sum();

    assertThat(december).isEqualTo(42_481);
  }
}
