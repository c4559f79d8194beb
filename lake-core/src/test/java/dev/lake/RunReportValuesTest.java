package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StepReport, SinkReport and WarningReport are values: built once, copied in, equal by content. */
class RunReportValuesTest {

  @Test
  void stepReport_builtTwiceAlike_isEqualAndDerivesFilteredAndGrouped() {
    StepReport.Builder builder = StepReport.builder().name("buffer").in(1_000).out(2).rejected(10).batched(980);

    StepReport step = builder.build();

    assertThat(step).isEqualTo(builder.build()).hasSameHashCodeAs(builder.build())
        .isNotEqualTo(builder.batched(979).build());
    assertThat(step.filtered()).isEqualTo(10);
    assertThat(step.grouped()).isEqualTo(978);
    assertThat(step.toBuilder().build()).isEqualTo(step);
    assertThat(step).hasToString("StepReport[name=buffer, in=1000, out=2, rejected=10, batched=980]");
  }

  @Test
  void stepReport_defaults_zeroCountsAndNothingFiltered() {
    StepReport step = StepReport.builder().name("map").build();

    assertThat(step.in()).isZero();
    assertThat(step.filtered()).isZero();
    assertThat(step.grouped()).isZero();
    assertThat(StepReport.builder().name("filter").in(5).out(3).build().filtered()).isEqualTo(2);
  }

  @Test
  void sinkReport_toBuilderChangedValue_otherValuesKept() {
    SinkReport sink = SinkReport.builder().name("lake:processed/sales").in(9).written(8).rejected(1).files(2)
        .bytes(300).version(4).build();

    SinkReport unchanged = sink.toBuilder().unchanged(true).build();

    assertThat(unchanged.unchanged()).isTrue();
    assertThat(unchanged).isNotEqualTo(sink);
    assertThat(unchanged.toBuilder().unchanged(false).build()).isEqualTo(sink).hasSameHashCodeAs(sink);
    assertThat(sink).hasToString("SinkReport[name=lake:processed/sales, in=9, written=8, rejected=1, files=2, "
        + "bytes=300, version=4, unchanged=false]");
  }

  @Test
  void warningReport_examplesCopiedAndNullIsEmpty() {
    List<String> examples = new ArrayList<>(List.of("1 error in the page"));
    WarningReport warning = WarningReport.builder().step("parse").kind("page errors").count(1).examples(examples)
        .build();
    examples.clear();

    assertThat(warning.examples()).containsExactly("1 error in the page");
    assertThatThrownBy(() -> warning.examples().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(WarningReport.builder().step("parse").build().examples()).isEmpty();
    assertThat(warning.toBuilder().build()).isEqualTo(warning).hasSameHashCodeAs(warning);
    assertThat(warning).hasToString("WarningReport[step=parse, kind=page errors, count=1, "
        + "examples=[1 error in the page]]");
  }
}
