package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * BadRowPolicy, once a record: its factories, the check on the limit, equality by content, the record's toString, and
 * Java serialization from a stream the record wrote ({@code record-era/bad-row-policy.ser}, written by the record of
 * {@code api-baseline/lake-core.jar} before it became a class).
 */
class BadRowPolicyTest {

  @Test
  void factories_modeAndLimit() {
    assertThat(BadRowPolicy.failFast().mode()).isEqualTo(BadRowPolicy.Mode.FAIL_FAST);
    assertThat(BadRowPolicy.failFast().maxRejected()).isZero();
    assertThat(BadRowPolicy.collect(100).mode()).isEqualTo(BadRowPolicy.Mode.COLLECT);
    assertThat(BadRowPolicy.toRejectedZone().maxRejected()).isEqualTo(Long.MAX_VALUE);
    assertThat(BadRowPolicy.toRejectedZone().withMaxRejected(10)).isEqualTo(BadRowPolicy.toRejectedZone()
        .withMaxRejected(10)).hasSameHashCodeAs(BadRowPolicy.toRejectedZone().withMaxRejected(10))
        .isNotEqualTo(BadRowPolicy.collect(10))
        .hasToString("BadRowPolicy[mode=REJECTED_ZONE, maxRejected=10]");
  }

  @Test
  void negativeLimit_failsNamingTheValue() {
    assertThatThrownBy(() -> BadRowPolicy.collect(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxRejected must be >= 0 but was -1");
    assertThatThrownBy(() -> BadRowPolicy.failFast().withMaxRejected(-5)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("-5");
  }

  @Test
  void javaSerialized_byTheRecordOrTheClass_readsBackEqual() throws Exception {
    try (InputStream file = BadRowPolicyTest.class.getResourceAsStream("record-era/bad-row-policy.ser");
        ObjectInputStream in = new ObjectInputStream(file)) {
      assertThat(in.readObject()).isEqualTo(BadRowPolicy.collect(100));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(BadRowPolicy.toRejectedZone());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(BadRowPolicy.toRejectedZone());
    }
  }
}
