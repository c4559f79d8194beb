package dev.lake.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The rejected zone's schema: datasets written before keep their schema, so it must not change by a character. */
class RunStateTest {
  @Test
  void rejectedSchema_sameAsTheSchemaBuilderOneWrittenBefore() {
    Schema before = SchemaBuilder.record("RejectedRow").namespace("dev.lake").fields()
        .requiredString("pipeline")
        .requiredString("run_id")
        .requiredString("step")
        .requiredString("reason")
        .requiredString("position")
        .requiredString("value")
        .requiredString("rejected_at")
        .endRecord();

    assertThat(RunState.REJECTED_SCHEMA).isEqualTo(before);
    assertThat(RunState.REJECTED_SCHEMA.toString()).isEqualTo(before.toString());
  }
}
