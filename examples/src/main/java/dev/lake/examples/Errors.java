package dev.lake.examples;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the examples program reports what went wrong: one line on standard error, and an exit status that tells a
 * usage mistake (2: a wrong option, a missing input folder, a busy port; the line says what to do) from a failure
 * (1). The stack trace only with {@code --verbose}.
 *
 * <pre>{@code
 * int status = Errors.configure(new CommandLine(new LakeExamples())).execute(args);
 * }</pre>
 */
final class Errors {
  static final int USAGE = 2;
  static final int FAILURE = 1;

  private Errors() {}

  /** {@code cl} (and its subcommands) reporting errors as above. */
  static CommandLine configure(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Errors::parameterError);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> executionError(ex, cmd, verbose(parsed)));
    return cl;
  }

  /** A wrong option or value: the message, the suggestion if picocli has one, and where help is; status 2. */
  private static int parameterError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    StringBuilder line = new StringBuilder(name(cmd)).append(": ").append(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      line.append(". Did you mean ").append(String.join(" or ", unmatched.getSuggestions().stream()
          .limit(3).toList())).append('?');
    }
    line.append(" (").append(cmd.getCommandSpec().qualifiedName()).append(" --help lists the options)");
    cmd.getErr().println(cmd.getColorScheme().errorText(line.toString()));
    return USAGE;
  }

  static int executionError(Exception ex, CommandLine cmd, boolean verbose) {
    PrintWriter err = cmd.getErr();
    boolean usage = isUsageMistake(ex);
    String line = usage ? name(cmd) + ": " + usageMessage(ex)
        : name(cmd) + " failed: " + message(ex) + (verbose ? "" : " (--verbose shows the stack trace)");
    err.println(cmd.getColorScheme().errorText(line));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return usage ? USAGE : FAILURE;
  }

  /** A mistake the user fixes on the command line: ours, or a Lake validation error (a plan refused before I/O). */
  static boolean isUsageMistake(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof UsageException || t instanceof ValidationException) {
        return true;
      }
    }
    return false;
  }

  private static String usageMessage(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof UsageException || t instanceof ValidationException) {
        return oneLine(t.getMessage());
      }
    }
    return oneLine(ex.getMessage());
  }

  /** The message, with the exception's kind where it is not one of Lake's, and the cause's when it adds to it. */
  static String message(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
    if (!(ex instanceof LakeException)) {
      sb.insert(0, ex.getClass().getSimpleName() + ": ");
    }
    Throwable cause = ex.getCause();
    if (cause != null && cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
      sb.append(" (").append(cause.getMessage()).append(')');
    }
    return oneLine(sb.toString());
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static String name(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName();
  }

  /** Whether {@code --verbose} was given to the command that ran. */
  static boolean verbose(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }
}
