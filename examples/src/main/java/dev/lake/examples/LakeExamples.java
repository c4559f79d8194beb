package dev.lake.examples;

import dev.lake.examples.ecommerce.EcommerceCommand;
import dev.lake.examples.football.FootballCommand;
import dev.lake.examples.sparkify.SparkifyCommand;
import dev.lake.examples.tweets.TweetsCommand;
import dev.lake.examples.xg.XgCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' command line: {@code java -jar examples/target/lake-examples.jar <command>}.
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
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new LakeExamples()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }
}
