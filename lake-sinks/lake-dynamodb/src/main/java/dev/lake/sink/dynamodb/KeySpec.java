package dev.lake.sink.dynamodb;

import dev.lake.exceptions.ValidationException;
import dev.lake.transforms.SerializableFunction;
import java.io.Serializable;

/** A key attribute: either a field of the row (stored under its name) or a function of the row. */
record KeySpec<T>(String attribute, SerializableFunction<? super T, ?> function) implements Serializable {

  static <T> KeySpec<T> field(String field) {
    ValidationException.check(field != null && !field.isBlank(), "A key field name must not be blank");
    return new KeySpec<>(field, null);
  }

  static <T> KeySpec<T> computed(String attribute, SerializableFunction<? super T, ?> function) {
    ValidationException.check(attribute != null && !attribute.isBlank(), "A key attribute name must not be blank");
    ValidationException.check(function != null, "The key function for '%s' must not be null", attribute);
    return new KeySpec<>(attribute, function);
  }

  boolean computed() {
    return function != null;
  }

  @Override
  public String toString() {
    return computed() ? attribute + "=f(row)" : attribute;
  }
}
