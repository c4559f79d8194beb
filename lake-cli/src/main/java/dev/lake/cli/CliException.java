package dev.lake.cli;

/**
 * A mistake the user can fix (a wrong root, an unknown dataset, invalid SQL): printed as its message alone, without a
 * stack trace, and the command exits with status 2.
 *
 * <pre>{@code
 * throw new CliException("No lake at /tmp/x: the directory does not exist. Pass the lake's root, e.g. lake ls ./lake");
 * }</pre>
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
