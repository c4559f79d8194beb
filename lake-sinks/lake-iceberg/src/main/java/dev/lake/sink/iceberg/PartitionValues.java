package dev.lake.sink.iceberg;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.apache.iceberg.StructLike;

/**
 * One partition tuple in Iceberg's internal representation (dates as days, timestamps and times as microseconds,
 * strings as {@code CharSequence}), converted from the row's Java values. Usable as a map key.
 *
 * <pre>{@code
 * PartitionValues p = PartitionValues.of(new Object[] {2011, 12});
 * String path = table.locationProvider().newDataLocation(table.spec(), p, "part-0.parquet");
 * }</pre>
 */
final class PartitionValues implements StructLike, Serializable {
  private static final long serialVersionUID = 1L;
  private final Object[] values;

  private PartitionValues(Object[] values) {
    this.values = values;
  }

  static PartitionValues of(Object[] javaValues) {
    Object[] internal = new Object[javaValues.length];
    for (int i = 0; i < javaValues.length; i++) {
      internal[i] = internal(javaValues[i]);
    }
    return new PartitionValues(internal);
  }

  static Object internal(Object v) {
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof Instant i) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }
    if (v instanceof LocalDateTime t) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, t.toInstant(ZoneOffset.UTC));
    }
    if (v instanceof LocalTime t) {
      return t.toNanoOfDay() / 1000;
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof CharSequence s) {
      return s.toString();
    }
    return v;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    return javaClass.cast(values[pos]);
  }

  @Override
  public <T> void set(int pos, T value) {
    values[pos] = value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionValues p && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
