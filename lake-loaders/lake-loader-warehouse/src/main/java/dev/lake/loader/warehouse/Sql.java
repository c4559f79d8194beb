package dev.lake.loader.warehouse;

import dev.lake.exceptions.ValidationException;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting. Identifiers are always double-quoted; the only literals ever inlined are escaped here. */
final class Sql {
  private Sql() {}

  /** {@code "name"} with embedded double quotes doubled. */
  static String ident(String name) {
    ValidationException.check(name != null && !name.isEmpty(), "An SQL identifier must not be empty");
    ValidationException.check(name.indexOf('\0') < 0, "An SQL identifier must not contain NUL: %s", name);
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String idents(List<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }

  /**
   * A string literal for PostgreSQL and Redshift: single quotes doubled, and backslashes doubled because Redshift
   * (like PostgreSQL with standard_conforming_strings off) may treat them as escapes.
   */
  static String literal(String value) {
    ValidationException.check(value.indexOf('\0') < 0, "A literal must not contain NUL");
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** A DuckDB or standard SQL string literal: single quotes doubled; backslashes are plain characters there. */
  static String standardLiteral(String value) {
    ValidationException.check(value.indexOf('\0') < 0, "A literal must not contain NUL");
    return "'" + value.replace("'", "''") + "'";
  }
}
