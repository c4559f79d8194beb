package dev.lake.examples;

import dev.lake.examples.ecommerce.EcommerceCommand;
import dev.lake.examples.football.FootballCommand;
import dev.lake.examples.sparkify.SparkifyCommand;
import dev.lake.examples.tweets.TweetsCommand;
import dev.lake.examples.xg.XgCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' command line: {@code java -jar examples/target/lake-examples.jar <command>}. A usage mistake prints
 * one line saying what to do and exits with status 2, a failure one line and status 1; {@code --verbose} adds the
 * stack trace and the library's log lines (otherwise only warnings are logged, so that progress bars stay whole).
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar all --lake ./lake
 * java -jar examples/target/lake-examples.jar ecommerce --data ./data --lake s3://bucket/lake
 * java -jar examples/target/lake-examples.jar sparkify --lake ./lake
 * }</pre>
 */
@Command(name = "lake-examples", mixinStandardHelpOptions = true, version = "Lake examples 0.1.0",
    description = "Runs the Lake use cases end to end, offline, on the bundled data.",
    subcommands = {EcommerceCommand.class, SparkifyCommand.class, XgCommand.class, FootballCommand.class,
        TweetsCommand.class, AllCommand.class})
public final class LakeExamples {

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--verbose")) {
      // before the first logger exists: SimpleLogger reads its configuration once
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine(new LakeExamples()).execute(args);
  }

  /** A command line over {@code command} that reports errors in one line (exit status 2 for usage mistakes). */
  static CommandLine commandLine(Object command) {
    return Errors.configure(new CommandLine(command));
  }
}
