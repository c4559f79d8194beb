package dev.lake.examples;

/**
 * A mistake on the examples' command line that the user can fix (a {@code --data} folder without the files a command
 * reads, a {@code --lake} that is a file, an unsupported {@code --warehouse} URL, a busy {@code --port}): printed as
 * one line that says what to do, without a stack trace, and the program exits with status 2.
 *
 * <pre>{@code
 * throw new UsageException("--lake /tmp/x is a file: pass a directory (created if missing) or s3://bucket/prefix");
 * }</pre>
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
